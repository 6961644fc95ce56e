package dev.ignis.eventsource.sqs;

import dev.ignis.eventsource.batch.BatchLimits;
import java.util.List;

/**
 * An SQS mapping's own typed settings, read once from its snapshot.
 *
 * @param limits BatchSize, MaximumBatchingWindowInSeconds (0 when unset, Lambda's default for SQS)
 *     and the payload limit
 * @param reportBatchItemFailures the function may answer {@code batchItemFailures}
 * @param maximumConcurrency the most batches in flight at once (ScalingConfig.MaximumConcurrency, or
 *     the configured default when the mapping sets none)
 */
record SqsSource(
        String uuid,
        String functionArn,
        QueueArn queue,
        BatchLimits limits,
        List<String> filterPatterns,
        boolean reportBatchItemFailures,
        int maximumConcurrency) {

    SqsSource {
        filterPatterns = List.copyOf(filterPatterns);
    }
}
