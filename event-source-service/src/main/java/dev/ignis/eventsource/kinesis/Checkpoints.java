package dev.ignis.eventsource.kinesis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * One mapping's shard checkpoints on the compacted checkpoint topic, key {@code <uuid>/<shardId>}:
 * written by the shard's reader, and read back from the start of the topic into a view, so a
 * replica that takes a shard over resumes where the last one stopped. The view keeps the furthest
 * checkpoint seen per shard, so its own writes read back late never take a shard back. The view is polled by the
 * poller's thread; {@link #save} may be called from any reader.
 */
final class Checkpoints implements AutoCloseable {

    private final String topic;
    private final String prefix;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> view;
    private final int partitions;
    private final Map<String, Checkpoint> known = new ConcurrentHashMap<>();

    Checkpoints(String bootstrapServers, String topic, String mappingUuid) {
        this.topic = topic;
        this.prefix = mappingUuid + "/";
        Properties common = new Properties();
        common.put("bootstrap.servers", bootstrapServers);
        Properties producerConfig = new Properties();
        producerConfig.putAll(common);
        producerConfig.put("acks", "all");
        producerConfig.put("enable.idempotence", "true");
        producerConfig.put("linger.ms", "0");
        producerConfig.put("max.block.ms", "10000");
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        Properties viewConfig = new Properties();
        viewConfig.putAll(common);
        viewConfig.put("enable.auto.commit", "false");
        this.view = new KafkaConsumer<>(viewConfig, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> all = view.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        if (all.isEmpty()) {
            throw new IllegalStateException("Checkpoint topic " + topic + " does not exist");
        }
        this.partitions = all.size();
        view.assign(all);
        view.seekToBeginning(all);
    }

    /** The partition holding a shard's checkpoint, the producer's own choice for its key. */
    int partitionOf(String shardId) {
        return Utils.toPositive(Utils.murmur2(key(shardId).getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Reads what was written since the last poll. Poller thread only. */
    void poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> r : view.poll(timeout)) {
            if (r.key() == null || !r.key().startsWith(prefix) || r.value() == null) {
                continue;
            }
            known.merge(r.key().substring(prefix.length()), Checkpoint.fromJson(r.value()), Checkpoint::furthest);
        }
    }

    /** Whether the view has read every checkpoint written to {@code owned} before it was handed here. */
    boolean caughtUp(Set<Integer> owned, Map<Integer, Long> endOffsets) {
        for (int p : owned) {
            Long end = endOffsets.get(p);
            if (end != null && view.position(new TopicPartition(topic, p)) < end) {
                return false;
            }
        }
        return true;
    }

    /** The end offsets of {@code owned} now: the view must reach them before their shards start. */
    Map<Integer, Long> endOffsets(Set<Integer> owned) {
        Map<Integer, Long> ends = new HashMap<>();
        var parts = owned.stream().map(p -> new TopicPartition(topic, p)).toList();
        view.endOffsets(parts).forEach((tp, end) -> ends.put(tp.partition(), end));
        return ends;
    }

    Checkpoint get(String shardId) {
        return known.get(shardId);
    }

    /** Saves a reader's checkpoint: sent at once, durable after {@link #flush}. */
    void save(String shardId, Checkpoint checkpoint) {
        known.merge(shardId, checkpoint, Checkpoint::furthest);
        producer.send(new ProducerRecord<>(topic, key(shardId), checkpoint.toJson()));
    }

    void flush() {
        producer.flush();
    }

    private String key(String shardId) {
        return prefix + shardId;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        view.close(Duration.ofSeconds(5));
    }
}
