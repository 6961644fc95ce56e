package dev.ignis.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the registry-changes topic from the start with a plain Kafka consumer. */
public final class ChangeTopic implements AutoCloseable {

    public static final String NAME = "ignis.registry.changes";

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public ChangeTopic(String bootstrapServers) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(NAME));
    }

    /** Polls until a record with this key has been seen {@code count} times, or fails after 30 s. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(String key, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            List<ConsumerRecord<String, byte[]>> matching =
                    seen.stream().filter(r -> r.key().equals(key)).toList();
            if (matching.size() >= count) {
                return matching;
            }
        }
        throw new AssertionError("Fewer than " + count + " records for " + key + " arrived; seen: "
                + seen.stream().map(ConsumerRecord::key).toList());
    }

    /** Every key read so far. */
    public List<String> seenKeys() {
        return seen.stream().map(ConsumerRecord::key).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
