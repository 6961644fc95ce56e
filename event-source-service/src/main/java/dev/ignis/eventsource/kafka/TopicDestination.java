package dev.ignis.eventsource.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * record twice (at-least-once, as everywhere in Lambda's event sources).
 */
final class TopicDestination implements KafkaFailureDestination {

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaInvocationRecord records;
    private final Duration timeout;
    private final Clock clock;

    TopicDestination(
            String topic,
            KafkaProducer<byte[], byte[]> producer,
            KafkaInvocationRecord records,
            Duration timeout,
            Clock clock) {
        this.topic = topic;
        this.producer = producer;
        this.records = records;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public void deliver(TopicPartition partition, PartitionLane.Discard discard) throws Exception {
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

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
