package dev.ignis.eventsource.sqs;

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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The service as it runs, with its endpoint from configuration: SQS mappings published on the
 * registry-changes topic start, stop and remove pollers against a real ElasticMQ, which report
 * Enabled, Disabled, Deleted and a missing queue back through the status port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EmbeddedKafka(partitions = 1, topics = "ignis.registry.changes")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SqsMappingLifecycleIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ignis.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        registry.add("ignis.event-source.sqs.endpoint", ElasticMq.ENDPOINT::toString);
        registry.add("ignis.event-source.sqs.wait-time", () -> "1s");
        registry.add("ignis.event-source.sqs.retry-backoff", () -> "200ms");
    }

    @TestConfiguration
    static class Fakes {
        @Bean
        @Primary
        QueueFunction queueFunction() {
            return new QueueFunction();
        }

        @Bean
        @Primary
        RecordingReporter recordingReporter() {
            return new RecordingReporter();
        }
    }

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
    QueueFunction function;

    @Autowired
    RecordingReporter reporter;

    @Autowired
    PollerSupervisor supervisor;

    final SqsClient sqs = SqsClient.builder()
            .endpointOverride(ElasticMq.ENDPOINT)
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();

    @Test
    void sqsMappingsPollFromCreateToDeleteAndReportTheStatesTheyReach() {
        String url = sqs.createQueue(r -> r.queueName("lifecycle")).queueUrl();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("before"));
        EventSourceMappingSnapshot created = SqsPollerIT.mapping("lifecycle", 10, 0, List.of(), false, null);

        publish(created);
        awaitReport(s -> s.uuid().equals(created.uuid()) && MappingStatus.ENABLED.equals(s.state()));
        function.awaitRecords(1);

        Instant disabledAt = created.lastModified().plusSeconds(60);
        publish(with(created, "Disabling", false, disabledAt));
        awaitReport(s -> s.uuid().equals(created.uuid()) && MappingStatus.DISABLED.equals(s.state()));
        assertThat(supervisor.runningPollers()).isZero();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("while-disabled"));

        Instant enabledAt = disabledAt.plusSeconds(60);
        publish(with(created, "Enabling", true, enabledAt));
        awaitReport(s -> MappingStatus.ENABLED.equals(s.state()) && s.basedOn().equals(enabledAt));
        function.awaitRecords(2);
        assertThat(function.bodies()).containsExactly("before", "while-disabled");
        assertThat(reporter.reports).anyMatch(s -> "OK".equals(s.lastProcessingResult()));

        publish(with(created, "Deleting", true, enabledAt.plusSeconds(60)));
        awaitReport(s -> s.uuid().equals(created.uuid()) && MappingStatus.DELETED.equals(s.state()));
        assertThat(supervisor.runningPollers()).isZero();
    }

    @Test
    void aMappingOfAMissingQueueStaysCreatingWithAwsWordsForIt() {
        EventSourceMappingSnapshot created = SqsPollerIT.mapping("no-such-queue", 10, 0, List.of(), false, null);

        publish(created);

        awaitReport(s -> s.uuid().equals(created.uuid()) && SqsQueue.QUEUE_NOT_FOUND.equals(s.lastProcessingResult()));
        assertThat(reporter.reports)
                .filteredOn(s -> s.uuid().equals(created.uuid()))
                .noneMatch(s -> MappingStatus.ENABLED.equals(s.state()));

        publish(with(created, "Deleting", true, created.lastModified().plusSeconds(60)));
        awaitReport(s -> s.uuid().equals(created.uuid()) && MappingStatus.DELETED.equals(s.state()));
    }

    private void publish(EventSourceMappingSnapshot mapping) {
        if (changes == null) {
            changes = new MappingChanges(broker.getBrokersAsString());
        }
        changes.publish(mapping);
    }

    private void awaitReport(Predicate<MappingStatus> wanted) {
        SqsPollerIT.await(() -> reporter.reports.stream().anyMatch(wanted), "a report; got " + reporter.reports);
    }
}
