package dev.ignis.eventsource.kinesis;

import static dev.ignis.eventsource.support.MappingChanges.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.eventsource.poller.MappingStatus;
import dev.ignis.eventsource.poller.MappingStatusReporter;
import dev.ignis.eventsource.poller.PollerSupervisor;
import dev.ignis.eventsource.support.MappingChanges;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
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
 * The service as it runs, configured from config/ with only the endpoints changed: a Kinesis
 * mapping published on the registry-changes topic starts a poller that reads kinesalite, reports
 * Enabled and OK, stops on disable and resumes from its checkpoints on enable, and stops and reports
 * Deleted when the mapping is deleted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EmbeddedKafka(
        partitions = 1,
        topics = {"ignis.registry.changes", "ignis.eventsource.kinesis.checkpoints"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class KinesisMappingLifecycleIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        // Before any Kinesis client of this JVM: the SDK reads it once (the service sets it from config too).
        System.setProperty("aws.cborEnabled", "false");
        registry.add("ignis.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        registry.add(
                "ignis.event-source.kinesis.endpoint",
                () -> Kinesalite.shared().endpoint().toString());
        registry.add("ignis.event-source.kinesis.cbor", () -> "false");
        registry.add("ignis.event-source.kinesis.poll-interval", () -> "100ms");
        registry.add("ignis.event-source.kinesis.shard-sync-interval", () -> "500ms");
    }

    @TestConfiguration
    static class Fakes {
        @Bean
        @Primary
        StreamFunction streamFunction() {
            return new StreamFunction();
        }

        @Bean
        @Primary
        Reports reports() {
            return new Reports();
        }
    }

    static final class Reports implements MappingStatusReporter {
        final List<MappingStatus> sent = new CopyOnWriteArrayList<>();

        @Override
        public void report(MappingStatus status) {
            sent.add(status);
        }
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    MappingChanges changes;

    @Autowired
    StreamFunction function;

    @Autowired
    Reports reports;

    @Autowired
    PollerSupervisor supervisor;

    @Test
    void aKinesisMappingPollsItsStreamFollowsDisableAndEnableAndStopsWhenDeleted() {
        Streams streams = new Streams(Kinesalite.shared().endpoint());
        String stream = streams.create(2);
        streams.put(stream, "a", Streams.numbered("a-", 0, 3));
        streams.put(stream, "b", Streams.numbered("b-", 0, 3));
        EventSourceMappingSnapshot created = Streams.mapping(stream).snapshot();

        publish(created);
        awaitReport(s -> s.uuid().equals(created.uuid()) && MappingStatus.ENABLED.equals(s.state()));
        function.awaitDelivered(6);
        awaitReport(s -> "OK".equals(s.lastProcessingResult()));
        assertThat(supervisor.runningPollers()).isEqualTo(1);

        Instant disabledAt = created.lastModified().plusSeconds(60);
        publish(with(created, "Disabling", false, disabledAt));
        awaitReport(s -> MappingStatus.DISABLED.equals(s.state()) && s.basedOn().equals(disabledAt));
        assertThat(supervisor.runningPollers()).isZero();
        streams.put(stream, "a", List.of("while-disabled-a"));
        streams.put(stream, "b", List.of("while-disabled-b"));

        Instant enabledAt = disabledAt.plusSeconds(60);
        publish(with(created, "Enabling", true, enabledAt));
        awaitReport(s -> MappingStatus.ENABLED.equals(s.state()) && s.basedOn().equals(enabledAt));
        function.awaitDelivered(8);
        assertThat(function.data())
                .as("what arrived while disabled waited for the checkpoint, and nothing came twice")
                .containsExactlyInAnyOrder(
                        "a-0", "a-1", "a-2", "b-0", "b-1", "b-2", "while-disabled-a", "while-disabled-b");

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

    private void awaitReport(Predicate<MappingStatus> wanted) {
        StreamFunction.await(() -> reports.sent.stream().anyMatch(wanted), () -> "reports: " + reports.sent);
    }
}
