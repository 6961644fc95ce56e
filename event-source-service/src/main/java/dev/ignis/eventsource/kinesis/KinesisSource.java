package dev.ignis.eventsource.kinesis;

import dev.ignis.eventsource.batch.BatchLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A Kinesis mapping's own typed settings, read once from its snapshot.
 *
 * @param streamArn the mapping's EventSourceArn; {@code streamName} and {@code region} come from it
 * @param startingTimestamp with {@link StartingPosition#AT_TIMESTAMP} only
 * @param parallelization ParallelizationFactor: concurrent batches per shard, 1–10
 * @param maximumRetryAttempts retries of a failed batch before it is discarded; -1: until it expires
 * @param maximumRecordAge a record older than this is discarded instead of invoked; null: no limit
 * @param onFailureDestination an SQS queue ARN for discarded batches, or null
 */
record KinesisSource(
        String uuid,
        String functionArn,
        String streamArn,
        String streamName,
        String region,
        StartingPosition startingPosition,
        Instant startingTimestamp,
        BatchLimits limits,
        List<String> filterPatterns,
        int parallelization,
        boolean bisectOnError,
        int maximumRetryAttempts,
        Duration maximumRecordAge,
        boolean reportBatchItemFailures,
        String onFailureDestination) {

    enum StartingPosition {
        TRIM_HORIZON,
        LATEST,
        AT_TIMESTAMP
    }

    /** Whether a batch that failed {@code retries} times after its first invoke may go once more. */
    boolean mayRetry(int retries) {
        return maximumRetryAttempts < 0 || retries < maximumRetryAttempts;
    }
}
