package dev.ignis.eventsource.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceAccess;
import dev.ignis.eventsource.config.EventSourceProperties.Credentials;
import dev.ignis.eventsource.poller.EventSourcePoller;
import dev.ignis.eventsource.support.RecordingEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS from SourceAccessConfigurations against a real KRaft broker (Kafka's own test kit) whose only
 * client listener is SSL, with certificates {@link TlsMaterial} made for the test. One broker asks
 * for client certificates ({@code ssl.client.auth=requested}: a client without one gets plain TLS),
 * a second one requires them and refuses those its CA did not sign.
 */
class KafkaTlsIT {

    static final String ROOT_CA = "arn:aws:secretsmanager:us-east-1:000000000000:secret:kafka-ca";
    static final String OTHER_CA = "arn:aws:secretsmanager:us-east-1:000000000000:secret:other-ca";
    static final String CLIENT = "arn:aws:secretsmanager:us-east-1:000000000000:secret:kafka-client";
    static final String STRANGER = "arn:aws:secretsmanager:us-east-1:000000000000:secret:stranger";
    static final String BROKEN = "arn:aws:secretsmanager:us-east-1:000000000000:secret:broken";
    static TlsMaterial tls;
    static KafkaClusterTestKit cluster;
    static KafkaClusterTestKit strict;

    final RecordingFunction function = new RecordingFunction();
    final List<EventSourcePoller> pollers = new ArrayList<>();

    @BeforeAll
    static void startBrokers() throws Exception {
        tls = new TlsMaterial();
        cluster = broker("requested");
        strict = broker("required");
    }

    private static KafkaClusterTestKit broker(String clientAuth) throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBrokerSecurityProtocol(SecurityProtocol.PLAINTEXT)
                        .build())
                // The test kit knows PLAINTEXT and SASL_PLAINTEXT only; its client listener is made SSL here.
                .setConfigProp("listener.security.protocol.map", "EXTERNAL:SSL,CONTROLLER:PLAINTEXT")
                .setConfigProp("ssl.keystore.type", "PEM")
                .setConfigProp("ssl.keystore.certificate.chain", tls.brokerChain)
                .setConfigProp("ssl.keystore.key", tls.brokerKey)
                .setConfigProp("ssl.truststore.type", "PEM")
                .setConfigProp("ssl.truststore.certificates", tls.caCertificate)
                .setConfigProp("ssl.client.auth", clientAuth)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        try (Admin a = Admin.create(client(cluster.bootstrapServers()))) {
            a.createTopics(List.of(
                            new NewTopic("encrypted", 1, (short) 1), new NewTopic("encrypted-failed", 1, (short) 1)))
                    .all()
                    .get();
        }
        return cluster;
    }

    /** A client of a broker's SSL listener trusting its CA. */
    static Map<String, Object> client(String servers) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", servers);
        config.put("security.protocol", "SSL");
        config.put("ssl.truststore.type", "PEM");
        config.put("ssl.truststore.certificates", tls.caCertificate);
        // The test's own clients present the client certificate, which both brokers take.
        config.put("ssl.keystore.type", "PEM");
        config.put("ssl.keystore.certificate.chain", tls.clientChain);
        config.put("ssl.keystore.key", tls.clientKey);
        return config;
    }

    @AfterAll
    static void stopBrokers() throws Exception {
        cluster.close();
        strict.close();
    }

    @AfterEach
    void stopPollers() {
        pollers.forEach(EventSourcePoller::stop);
    }

    @Test
    void theRootCaAloneReadsTheTlsListener() {
        produce(cluster, "with the CA");
        var events = new RecordingEvents();
        start(List.of(new SourceAccess("SERVER_ROOT_CA_CERTIFICATE", ROOT_CA)), events, null);

        function.awaitDelivered(1);
        assertThat(function.values()).contains("with the CA");
        assertThat(events.told).contains("reading");
    }

    @Test
    void aClientCertificateTheBrokersCaSignedIsMutualTlsAndTheOnFailureTopicGetsTheSameSecurity() {
        produce(strict, "mutual");
        function.failWhile = batch -> batch.stream().anyMatch(d -> d.value().equals("mutual"));
        var events = new RecordingEvents();
        start(
                strict,
                List.of(
                        new SourceAccess("SERVER_ROOT_CA_CERTIFICATE", ROOT_CA),
                        new SourceAccess("CLIENT_CERTIFICATE_TLS_AUTH", CLIENT)),
                events,
                "kafka://encrypted-failed");

        assertThat(new String(awaitFailedRecord(strict).key())).isEqualTo("k");
        assertThat(events.told).contains("reading");
    }

    @Test
    void withoutTheRootCaTheBrokerIsNotTrusted() {
        var events = new RecordingEvents();
        start(List.of(new SourceAccess("CLIENT_CERTIFICATE_TLS_AUTH", CLIENT)), events, null);
        KafkaPollerIT.awaitTold(events, "problem: " + KafkaClients.FAILED_TO_AUTHENTICATE_SERVER);
        assertThat(events.told).doesNotContain("reading");
    }

    @Test
    void anotherRootCaIsNotTrustedEither() {
        var events = new RecordingEvents();
        start(List.of(new SourceAccess("SERVER_ROOT_CA_CERTIFICATE", OTHER_CA)), events, null);
        KafkaPollerIT.awaitTold(events, "problem: " + KafkaClients.FAILED_TO_AUTHENTICATE_SERVER);
        assertThat(events.told).doesNotContain("reading");
    }

    @Test
    void aBrokerRequiringClientCertificatesRefusesNoneAndOnesItsCaDidNotSign() {
        var none = new RecordingEvents();
        start(strict, List.of(new SourceAccess("SERVER_ROOT_CA_CERTIFICATE", ROOT_CA)), none, null);
        var stranger = new RecordingEvents();
        start(
                strict,
                List.of(
                        new SourceAccess("SERVER_ROOT_CA_CERTIFICATE", ROOT_CA),
                        new SourceAccess("CLIENT_CERTIFICATE_TLS_AUTH", STRANGER)),
                stranger,
                null);
        KafkaPollerIT.awaitTold(none, "problem: " + KafkaClients.SERVER_FAILED_TO_AUTHENTICATE);
        KafkaPollerIT.awaitTold(stranger, "problem: " + KafkaClients.SERVER_FAILED_TO_AUTHENTICATE);
        assertThat(none.told).doesNotContain("reading");
        assertThat(stranger.told).doesNotContain("reading");
    }

    @Test
    void aKeyThatIsNotPemIsAnInvalidCertificate() {
        var events = new RecordingEvents();
        start(
                List.of(
                        new SourceAccess("SERVER_ROOT_CA_CERTIFICATE", ROOT_CA),
                        new SourceAccess("CLIENT_CERTIFICATE_TLS_AUTH", BROKEN)),
                events,
                null);
        KafkaPollerIT.awaitTold(events, "problem: " + KafkaClients.INVALID_CERTIFICATE);
    }

    private void start(List<SourceAccess> access, RecordingEvents events, String onFailure) {
        start(cluster, access, events, onFailure);
    }

    private void start(
            KafkaClusterTestKit broker, List<SourceAccess> access, RecordingEvents events, String onFailure) {
        var mapping = Mappings.withErrorHandling(
                Mappings.kafka(
                        broker.bootstrapServers(), "encrypted", null, 10, 0, List.of(), access, "Creating", true),
                onFailure,
                onFailure == null ? null : 0,
                null,
                null);
        var credentials = Map.of(
                ROOT_CA, Credentials.certificate(tls.caCertificate, null, null),
                OTHER_CA, Credentials.certificate(tls.otherCaCertificate, null, null),
                CLIENT, Credentials.certificate(tls.clientChain, tls.clientKey, null),
                STRANGER, Credentials.certificate(tls.otherClientChain, tls.otherClientKey, null),
                BROKEN, Credentials.certificate(tls.clientChain, "not a key", null));
        EventSourcePoller poller = new KafkaPollerFactory(
                        Mappings.properties(credentials), Duration.ofSeconds(30), function, new SimpleMeterRegistry())
                .create(mapping, events);
        poller.start();
        pollers.add(poller);
    }

    private static void produce(KafkaClusterTestKit broker, String value) {
        try (var p = new KafkaProducer<>(
                client(broker.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>("encrypted", "k".getBytes(), value.getBytes()));
        }
    }

    private static ConsumerRecord<byte[], byte[]> awaitFailedRecord(KafkaClusterTestKit broker) {
        try (var consumer = new KafkaConsumer<>(
                client(broker.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition("encrypted-failed", 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    return r;
                }
            }
        }
        throw new AssertionError("nothing reached the OnFailure topic");
    }
}
