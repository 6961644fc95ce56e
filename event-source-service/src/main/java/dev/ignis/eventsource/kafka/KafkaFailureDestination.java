package dev.ignis.eventsource.kafka;

import org.apache.kafka.common.TopicPartition;

/**
 * Where a Kafka mapping's records given up go ({@code DestinationConfig.OnFailure}): an SQS queue
 * ({@link QueueDestination}) or a topic on the source's cluster ({@link TopicDestination}).
 * {@link #deliver} runs on an invoke thread, one discard per partition at a time; it returns only
 * once the destination has the records, and throws otherwise — the poller then keeps them and the
 * partition waits, so an offset never passes records the destination did not take.
 */
interface KafkaFailureDestination extends AutoCloseable {

    void deliver(TopicPartition partition, PartitionLane.Discard discard) throws Exception;

    @Override
    void close();
}
