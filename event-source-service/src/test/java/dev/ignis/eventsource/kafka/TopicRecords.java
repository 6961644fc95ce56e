package dev.ignis.eventsource.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** What the Kafka poller tests do with their broker's topics: produce numbered records, read a group's commits. */
final class TopicRecords {

    private final EmbeddedKafkaBroker broker;

    TopicRecords(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /** Records {@code from}…{@code from + count - 1}: key {@code key-<i>}, value {@code value-<i>}, header {@code source: test}. */
    void produce(String topic, int partition, int from, int count) {
        try (var producer = producer()) {
            for (int i = from; i < from + count; i++) {
                var record = new ProducerRecord<>(
                        topic, partition, KafkaPollerIT.bytes("key-" + i), KafkaPollerIT.bytes("value-" + i));
                record.headers().add("source", KafkaPollerIT.bytes("test"));
                producer.send(record);
            }
        }
    }

    KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(
                Map.of("bootstrap.servers", broker.getBrokersAsString(), "linger.ms", 0),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /** The sum of {@code group}'s committed offsets on {@code topic}'s partitions. */
    long committed(String group, String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic))
                    .mapToLong(e -> e.getValue().offset())
                    .sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void awaitCommitted(String group, String topic, long total) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (committed(group, topic) < total && System.nanoTime() < deadline) {
            KafkaPollerIT.pause();
        }
        assertThat(committed(group, topic)).isEqualTo(total);
    }
}
