package dev.ignis.contracts.registry;

import java.time.Instant;
import java.util.List;

/**
 * An event source mapping: everything a poller needs to read one source and invoke one function.
 * Key: the mapping ARN ({@code arn:aws:lambda:<region>:<account>:event-source-mapping:<uuid>}); a
 * tombstone means it was deleted. Every state change is a new record. A poller runs the mapping
 * while {@code enabled} is true and the state is not {@code Deleting}, and reports back the state it
 * reached ({@code Enabled} once it reads the source, {@code Disabled}, or deleted once it stopped).
 *
 * <p>Settings that do not apply to the mapping's {@link SourceKind} are null (or empty lists).
 *
 * @param mappingArn the record key
 * @param functionArn the function to invoke; qualified when the mapping names a version or alias
 * @param eventSourceArn the queue or stream ARN (SQS, Kinesis); null for Kafka
 * @param kafka where a self-managed Kafka source is; null for SQS and Kinesis
 * @param state {@code Creating}, {@code Enabling}, {@code Enabled}, {@code Disabling},
 *     {@code Disabled}, {@code Updating} or {@code Deleting}
 * @param enabled what the user asked for; the state settles on {@code Enabled} or {@code Disabled} accordingly
 * @param maximumBatchingWindowInSeconds 0–300; null for Kafka when not set, meaning Lambda's 500 ms
 * @param filterPatterns EventBridge-style patterns (JSON); a record is delivered when any matches, or always when empty
 * @param startingPosition {@code TRIM_HORIZON}, {@code LATEST} or {@code AT_TIMESTAMP}; null for SQS
 * @param startingPositionTimestamp set only with {@code AT_TIMESTAMP}
 * @param onFailureDestination where records of a failed batch go (Kinesis, Kafka); null when none
 * @param reportBatchItemFailures the function may answer {@code batchItemFailures}
 * @param maximumRetryAttempts Kinesis: -1 (until the record expires) to 10,000
 * @param maximumRecordAgeInSeconds Kinesis: -1 (no limit) or 60–604,800
 * @param parallelizationFactor Kinesis: concurrent batches per shard, 1–10
 * @param maximumConcurrency SQS: concurrent invocations the poller may start, 2–1,000; null for no limit
 * @param lastProcessingResult what the pollers last reported ({@code OK}, {@code PROBLEM: …}); null before any report
 * @param lastModified the last change a user made; status reports from pollers leave it alone
 */
public record EventSourceMappingSnapshot(
        String uuid,
        String mappingArn,
        String functionArn,
        SourceKind sourceKind,
        String eventSourceArn,
        Kafka kafka,
        String state,
        String stateTransitionReason,
        boolean enabled,
        int batchSize,
        Integer maximumBatchingWindowInSeconds,
        List<String> filterPatterns,
        String startingPosition,
        Instant startingPositionTimestamp,
        String onFailureDestination,
        boolean reportBatchItemFailures,
        Boolean bisectBatchOnFunctionError,
        Integer maximumRetryAttempts,
        Integer maximumRecordAgeInSeconds,
        Integer parallelizationFactor,
        Integer maximumConcurrency,
        String lastProcessingResult,
        Instant lastModified) {

    public EventSourceMappingSnapshot {
        filterPatterns = filterPatterns == null ? List.of() : List.copyOf(filterPatterns);
    }

    /** What kind of source a mapping reads. */
    public enum SourceKind {
        SQS,
        KINESIS,
        KAFKA
    }

    /**
     * A self-managed Kafka source.
     *
     * @param bootstrapServers {@code host:port} pairs
     * @param topics exactly one topic, as on Lambda
     * @param consumerGroupId the group to join; the mapping's UUID unless the user named one
     * @param sourceAccessConfigurations how to authenticate (secret ARNs), in the order given
     */
    public record Kafka(
            List<String> bootstrapServers,
            List<String> topics,
            String consumerGroupId,
            List<SourceAccess> sourceAccessConfigurations) {

        public Kafka {
            bootstrapServers = bootstrapServers == null ? List.of() : List.copyOf(bootstrapServers);
            topics = topics == null ? List.of() : List.copyOf(topics);
            sourceAccessConfigurations =
                    sourceAccessConfigurations == null ? List.of() : List.copyOf(sourceAccessConfigurations);
        }
    }

    /** One {@code SourceAccessConfigurations} entry: e.g. {@code BASIC_AUTH} and a secret's ARN. */
    public record SourceAccess(String type, String uri) {}
}
