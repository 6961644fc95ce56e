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
        KafkaSecurity security) {

    static final String SELF_MANAGED = "SelfManagedKafka";
    static final String MSK = "aws:kafka";

    enum StartingPosition {
        TRIM_HORIZON,
        LATEST,
        AT_TIMESTAMP
    }
}
