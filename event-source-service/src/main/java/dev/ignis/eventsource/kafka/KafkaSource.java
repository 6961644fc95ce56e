package dev.ignis.eventsource.kafka;

import dev.ignis.eventsource.batch.BatchLimits;
import java.time.Instant;
import java.util.List;

/**
 * A Kafka mapping's own typed settings, read once from its snapshot.
 *
 * @param eventSource {@code SelfManagedKafka}, or {@code aws:kafka} for an MSK cluster
 * @param eventSourceArn the MSK cluster's ARN; null for a self-managed cluster
 * @param startingPosition where a consumer group with no committed offset starts
 * @param startingTimestamp with {@link StartingPosition#AT_TIMESTAMP} only
 * @param security how to authenticate; {@link KafkaSecurity#NONE} for a plain listener
 * @param errorHandling what happens to a batch that failed
 * @param onFailureDestination an SQS queue ARN or {@code kafka://<topic>} for records given up; null for none
 */
record KafkaSource(
        String uuid,
        String functionArn,
        String eventSource,
        String eventSourceArn,
        List<String> bootstrapServers,
        String topic,
        String consumerGroupId,
        StartingPosition startingPosition,
        Instant startingTimestamp,
        BatchLimits limits,
        List<String> filterPatterns,
        KafkaSecurity security,
        ErrorHandling errorHandling,
        String onFailureDestination) {

    static final String SELF_MANAGED = "SelfManagedKafka";
    static final String MSK = "aws:kafka";

    /** The prefix of a Kafka topic OnFailure destination on the source's cluster. */
    static final String KAFKA_DESTINATION = "kafka://";

    /**
     * A mapping's error handling controls.
     *
     * @param maximumRetryAttempts retries after a function error before the records are given up; -1: until
     *     they succeed (or expire)
     * @param maximumRecordAgeMillis a record older than this (by its Kafka timestamp) is given up instead
     *     of invoked; -1: no limit
     * @param bisectOnError a batch that failed with a function error is split in two, each half retried
     */
    record ErrorHandling(int maximumRetryAttempts, long maximumRecordAgeMillis, boolean bisectOnError) {

        static final ErrorHandling RETRY_FOREVER = new ErrorHandling(-1, -1, false);

        /** Whether records that were retried {@code retries} times after their first invoke may go once more. */
        boolean mayRetry(int retries) {
            return maximumRetryAttempts < 0 || retries < maximumRetryAttempts;
        }
    }

    enum StartingPosition {
        TRIM_HORIZON,
        LATEST,
        AT_TIMESTAMP
    }
}
