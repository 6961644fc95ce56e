package dev.ignis.eventsource.kafka;

import static dev.ignis.eventsource.support.MappingChanges.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.eventsource.invoke.FunctionInvoker;
import dev.ignis.eventsource.poller.MappingStatus;
import dev.ignis.eventsource.poller.MappingStatusReporter;
import dev.ignis.eventsource.poller.PollerSupervisor;
import dev.ignis.eventsource.support.MappingChanges;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service as it runs: mapping changes published on the registry-changes topic (as the registry
 * publishes them) start, stop and remove pollers, which read a real broker, invoke through the
 * invoke port and report Enabled, Disabled and Deleted back through the status port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EmbeddedKafka(partitions = 1, topics = "ignis.registry.changes")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MappingLifecycleIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ignis.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        registry.add("ignis.event-source.kafka.default-batching-window", () -> "50ms");
        registry.add("ignis.event-source.kafka.retry-backoff", () -> "50ms");
    }

    @TestConfiguration
    static class Fakes {
        @Bean
        @Primary
        RecordingFunction recordingFunction() {
            return new RecordingFunction();
        }

        @Bean
        @Primary
        RecordingReporter recordingReporter() {
            return new RecordingReporter();
        }
    }

    /** The registry's side of status reports, as far as this service can tell. */
    static final class RecordingReporter implements MappingStatusReporter {
        final List<MappingStatus> reports = new CopyOnWriteArrayList<>();

        @Override
        public void report(MappingStatus status) {
            reports.add(status);
        }
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    MappingChanges changes;

    @Autowired
    RecordingFunction function;

    @Autowired
    RecordingReporter reporter;

    @Autowired
    PollerSupervisor supervisor;

    @Autowired
    FunctionInvoker invoker;

    @Test
    void pollersFollowCreateDisableEnableAndDeleteAndReportTheStatesTheyReach() {
        assertThat(invoker).isSameAs(function);
        broker.addTopics(new NewTopic("orders", 1, (short) 1));
        produce("orders", "before-0", "before-1", "before-2");
        EventSourceMappingSnapshot created = Mappings.kafka(
                broker.getBrokersAsString(), "orders", null, 10, null, List.of(), List.of(), "Creating", true);

        publish(created);
        awaitReport(s -> s.uuid().equals(created.uuid()) && MappingStatus.ENABLED.equals(s.state()));
        function.awaitDelivered(3);

        publish(with(created, "Enabled", true, created.lastModified()));
        Instant disabledAt = created.lastModified().plusSeconds(60);
        publish(with(created, "Disabling", false, disabledAt));
        awaitReport(s -> MappingStatus.DISABLED.equals(s.state()) && s.basedOn().equals(disabledAt));
        assertThat(supervisor.runningPollers())
                .as("a disabled mapping runs no poller")
                .isZero();
        produce("orders", "while-disabled-0", "while-disabled-1");
        assertThat(function.delivered()).hasSize(3);

        Instant enabledAt = disabledAt.plusSeconds(60);
        publish(with(created, "Enabling", true, enabledAt));
        awaitReport(s -> MappingStatus.ENABLED.equals(s.state()) && s.basedOn().equals(enabledAt));
        function.awaitDelivered(5);
        assertThat(function.values())
                .as("what arrived while disabled waited, and nothing came twice")
                .containsExactly("before-0", "before-1", "before-2", "while-disabled-0", "while-disabled-1");
        assertThat(reporter.reports)
                .as("the processing result reaches the registry")
                .anyMatch(s -> "OK".equals(s.lastProcessingResult()));

        publish(with(created, "Deleting", true, enabledAt.plusSeconds(60)));
        awaitReport(s -> MappingStatus.DELETED.equals(s.state()));
        assertThat(supervisor.runningPollers()).isZero();
    }

    private void publish(EventSourceMappingSnapshot mapping) {
        if (changes == null) {
            changes = new MappingChanges(broker.getBrokersAsString());
        }
        changes.publish(mapping);
    }

    private void produce(String topic, String... values) {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(topic, null, bytes(v)));
            }
        }
    }

    private void awaitReport(Predicate<MappingStatus> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (reporter.reports.stream().noneMatch(wanted) && System.nanoTime() < deadline) {
            KafkaPollerIT.pause();
        }
        assertThat(reporter.reports).anyMatch(wanted);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
