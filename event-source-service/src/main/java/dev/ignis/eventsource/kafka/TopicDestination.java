package dev.ignis.eventsource.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A Kafka topic OnFailure destination ({@code kafka://<topic>}) on the source's cluster: each record
 * given up is written as its invocation record, with the original key (so Kafka's partitioner puts
 * it where records of that key go; none: spread) and the original headers. The producer is
 * idempotent with {@code acks=all}; the records count as delivered only once every one is
 * acknowledged. A delivery that failed half-way is sent again whole, so the destination may hold a
 * record twice (at-least-once, as everywhere in Lambda's event sources). The producer is made at the
 * first delivery, so a mapping that never gives records up never connects it, and a producer that
 * cannot be made is a failed delivery, tried again like any other.
 */
final class TopicDestination implements KafkaFailureDestination {

    private final String topic;
    private final Supplier<KafkaProducer<byte[], byte[]>> producers;
    private KafkaProducer<byte[], byte[]> producer;
    private final KafkaInvocationRecord records;
    private final Duration timeout;
    private final Clock clock;

    TopicDestination(
            String topic,
            Supplier<KafkaProducer<byte[], byte[]>> producers,
            KafkaInvocationRecord records,
            Duration timeout,
            Clock clock) {
        this.topic = topic;
        this.producers = producers;
        this.records = records;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public void deliver(TopicPartition partition, PartitionLane.Discard discard) throws Exception {
        KafkaProducer<byte[], byte[]> producer = producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (KafkaRecord r : discard.records()) {
            var record = new ProducerRecord<>(
                    topic,
                    null,
                    r.record().key(),
                    records.forTopic(partition, discard, r, clock.instant()),
                    r.record().headers());
            sent.add(producer.send(record));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<RecordMetadata> f : sent) {
            f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /** Deliveries of one mapping run one at a time per partition, but partitions run at once. */
    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
