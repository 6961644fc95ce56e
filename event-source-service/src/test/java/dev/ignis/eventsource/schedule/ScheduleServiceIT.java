package dev.ignis.eventsource.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.RegistryRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as it runs, with config/'s settings and a rate's minute shortened to a second: a rule
 * and a permission, or a Scheduler schedule, published on the registry-changes topic as the registry
 * publishes them, reach the firer through the registry view, and their fires arrive on the async topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EmbeddedKafka(
        partitions = 1,
        topics = {"ignis.registry.changes", "ignis.schedules.fired", "ignis.invocations.async"},
        brokerProperties = {"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ScheduleServiceIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ignis.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        registry.add("ignis.event-source.schedules.minute-length", () -> "1s");
        registry.add("ignis.event-source.schedules.tick", () -> "100ms");
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void aRulePublishedByTheRegistryFiresIntoTheAsyncQueue() {
        var rule = Schedules.rule("service-tick", "rate(1 minute)", Instant.now(), Schedules.target("1", "svc", null));
        publish(Schedules.record(Schedules.eventsMayInvoke("svc", rule.ruleArn())));
        publish(Schedules.record(rule));

        List<String> times = queued("svc", 2).stream()
                .map(payload -> payload.path("time").asString())
                .toList();
        assertThat(times).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
    }

    @Test
    void aSchedulePublishedByTheRegistryFiresItsInputIntoTheAsyncQueue() {
        publish(Schedules.record(Schedules.schedule(
                "service-schedule",
                "rate(1 minute)",
                "Europe/Berlin",
                Instant.now(),
                "svc-sched",
                "{\"from\":\"scheduler\"}")));

        assertThat(queued("svc-sched", 2))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(payload -> assertThat(payload.toString()).isEqualTo("{\"from\":\"scheduler\"}"));
    }

    /** The payloads queued for one function (read committed), once there are this many, at most a minute. */
    private List<JsonNode> queued(String function, int count) {
        List<JsonNode> payloads = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "reader-" + function,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("ignis.invocations.async"));
            while (payloads.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals(Schedules.FUNCTIONS + function)) {
                        payloads.add(JSON.readTree(r.value()).path("payload"));
                    }
                });
            }
        }
        return payloads;
    }

    private void publish(RegistryRecord change) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            var record = new ProducerRecord<>(
                    "ignis.registry.changes", change.key(), change.value().orElseThrow());
            record.headers()
                    .add(
                            RegistryChangeHeaders.RESOURCE_TYPE,
                            bytes(change.type().name()));
            record.headers().add(RegistryChangeHeaders.SEQUENCE, bytes(Long.toString(change.sequence())));
            producer.send(record);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
