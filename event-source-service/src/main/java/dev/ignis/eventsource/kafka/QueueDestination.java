package dev.ignis.eventsource.kafka;

import dev.ignis.eventsource.destination.SqsFailureQueue;
import java.time.Clock;
import org.apache.kafka.common.TopicPartition;

/** An SQS OnFailure queue: one invocation record per discarded stretch, naming the records. */
final class QueueDestination implements KafkaFailureDestination {

    private final SqsFailureQueue queue;
    private final KafkaInvocationRecord records;
    private final Clock clock;

    QueueDestination(SqsFailureQueue queue, KafkaInvocationRecord records, Clock clock) {
        this.queue = queue;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void deliver(TopicPartition partition, PartitionLane.Discard discard) {
        queue.send(records.forQueue(partition, discard, clock.instant()));
    }

    @Override
    public void close() {}
}
