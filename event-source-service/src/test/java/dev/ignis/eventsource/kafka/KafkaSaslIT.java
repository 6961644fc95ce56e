package dev.ignis.eventsource.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceAccess;
import dev.ignis.eventsource.config.EventSourceProperties.Credentials;
import dev.ignis.eventsource.poller.EventSourcePoller;
import dev.ignis.eventsource.poller.ProcessingResults;
import dev.ignis.eventsource.support.RecordingEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mapping with {@code BASIC_AUTH} against a real KRaft broker whose only listener is
 * SASL_PLAINTEXT with the PLAIN mechanism (Kafka's own test kit, the broker spring-kafka-test runs).
 */
class KafkaSaslIT {

    static final String SECRET = "arn:aws:secretsmanager:us-east-1:000000000000:secret:kafka-user";
    static final String WRONG = "arn:aws:secretsmanager:us-east-1:000000000000:secret:kafka-wrong";
    static KafkaClusterTestKit cluster;

    final RecordingFunction function = new RecordingFunction();
    final List<EventSourcePoller> pollers = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                        .build())
                // The test kit turns on its authorizer with SASL; its controller listener stays
                // PLAINTEXT (ANONYMOUS), and this test is about authentication, not ACLs.
                .setConfigProp("super.users", "User:ANONYMOUS;User:" + JaasUtils.KAFKA_PLAIN_ADMIN)
                .setConfigProp("allow.everyone.if.no.acl.found", "true")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        try (Admin admin = Admin.create(admin())) {
            admin.createTopics(List.of(new NewTopic("secured", 1, (short) 1)))
                    .all()
                    .get();
        }
    }

    /** The broker's own admin user, over the SASL listener like every other client. */
    static Map<String, Object> admin() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", cluster.bootstrapServers());
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "PLAIN");
        config.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + JaasUtils.KAFKA_PLAIN_ADMIN + "\" password=\"" + JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD
                        + "\";");
        return config;
    }

    @AfterAll
    static void stopBroker() throws Exception {
        cluster.close();
    }

    @AfterEach
    void stopPollers() {
        pollers.forEach(EventSourcePoller::stop);
    }

    @Test
    void basicAuthReadsASaslPlainListenerWithTheSecretsCredentials() {
        try (var p = new KafkaProducer<>(admin(), new ByteArraySerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>("secured", "behind SASL".getBytes()));
        }
        var events = new RecordingEvents();
        start(SECRET, events);

        function.awaitDelivered(1);
        assertThat(function.values()).containsExactly("behind SASL");
        assertThat(events.told).contains("reading");
    }

    @Test
    void wrongCredentialsShowAsLambdaShowsThem() {
        var events = new RecordingEvents();
        start(WRONG, events);
        KafkaPollerIT.awaitTold(events, "problem: " + ProcessingResults.SASL_FAILED);
        assertThat(events.told).doesNotContain("reading");
    }

    private void start(String secret, RecordingEvents events) {
        var mapping = Mappings.kafka(
                cluster.bootstrapServers(),
                "secured",
                null,
                10,
                0,
                List.of(),
                List.of(new SourceAccess("BASIC_AUTH", secret)),
                "Creating",
                true);
        var credentials = Map.of(
                SECRET, Credentials.basic(JaasUtils.KAFKA_PLAIN_USER1, JaasUtils.KAFKA_PLAIN_USER1_PASSWORD),
                WRONG, Credentials.basic(JaasUtils.KAFKA_PLAIN_USER1, "not-the-password"));
        EventSourcePoller poller = new KafkaPollerFactory(
                        Mappings.properties(credentials), Duration.ofSeconds(30), function, new SimpleMeterRegistry())
                .create(mapping, events);
        poller.start();
        pollers.add(poller);
    }
}
