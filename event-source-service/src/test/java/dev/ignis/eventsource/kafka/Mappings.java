package dev.ignis.eventsource.kafka;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.Kafka;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceAccess;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceKind;
import dev.ignis.eventsource.config.EventSourceProperties;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Kafka mappings as the registry publishes them, and this service's settings with fast test timings. */
final class Mappings {

    static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:consumer";

    private Mappings() {}

    static EventSourceMappingSnapshot kafka(
            String servers, String topic, String group, int batchSize, Integer window, List<String> filters) {
        return kafka(servers, topic, group, batchSize, window, filters, List.of(), "Creating", true);
    }

    static EventSourceMappingSnapshot kafka(
            String servers,
            String topic,
            String group,
            int batchSize,
            Integer window,
            List<String> filters,
            List<SourceAccess> access,
            String state,
            boolean enabled) {
        String uuid = UUID.randomUUID().toString();
        return new EventSourceMappingSnapshot(
                uuid,
                "arn:aws:lambda:us-east-1:000000000000:event-source-mapping:" + uuid,
                FUNCTION,
                SourceKind.KAFKA,
                null,
                new Kafka(List.of(servers.split(",")), List.of(topic), group == null ? uuid : group, access),
                state,
                "USER_INITIATED",
                enabled,
                batchSize,
                window,
                filters,
                "TRIM_HORIZON",
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.parse("2026-12-04T01:00:00Z"));
    }

    /** The mapping with the error handling controls and OnFailure destination set. */
    static EventSourceMappingSnapshot withErrorHandling(
            EventSourceMappingSnapshot m, String onFailure, Integer retries, Integer maxAge, Boolean bisect) {
        return new EventSourceMappingSnapshot(
                m.uuid(),
                m.mappingArn(),
                m.functionArn(),
                m.sourceKind(),
                m.eventSourceArn(),
                m.kafka(),
                m.state(),
                m.stateTransitionReason(),
                m.enabled(),
                m.batchSize(),
                m.maximumBatchingWindowInSeconds(),
                m.filterPatterns(),
                m.startingPosition(),
                m.startingPositionTimestamp(),
                onFailure,
                m.reportBatchItemFailures(),
                bisect,
                retries,
                maxAge,
                m.parallelizationFactor(),
                m.maximumConcurrency(),
                m.lastProcessingResult(),
                m.lastModified());
    }

    static EventSourceProperties properties(Map<String, EventSourceProperties.Credentials> credentials) {
        return properties(credentials, null);
    }

    static EventSourceProperties properties(
            Map<String, EventSourceProperties.Credentials> credentials, URI sqsEndpoint) {
        return new EventSourceProperties(
                "us-east-1",
                "000000000000",
                URI.create("http://127.0.0.1:1"),
                6_291_456,
                new EventSourceProperties.Kafka(
                        Duration.ofMillis(500),
                        Duration.ofMillis(50),
                        Duration.ofMillis(50),
                        Duration.ofMillis(200),
                        2000,
                        Duration.ofSeconds(2),
                        Duration.ofMillis(200),
                        50,
                        credentials,
                        sqsEndpoint,
                        Duration.ofSeconds(5)),
                new EventSourceProperties.Sqs(
                        null, Duration.ofSeconds(1), 5, 1000, Duration.ofMillis(200), 5, Duration.ofMillis(200)),
                new EventSourceProperties.Kinesis(
                        null,
                        null,
                        new EventSourceProperties.Checkpoints(
                                "localhost:9092", "ignis.eventsource.kinesis.checkpoints"),
                        Duration.ofSeconds(1),
                        10_000,
                        20_000,
                        Duration.ofMillis(500),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(10),
                        true));
    }
}
