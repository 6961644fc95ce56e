package dev.ignis.eventsource.kinesis;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The shard leases of one mapping: Kafka's group protocol on the checkpoint topic, in the group
 * {@code ignis-kinesis-<uuid>}. A replica holds the shards whose checkpoint keys fall in the
 * partitions assigned to it, so each shard has one reader among all replicas; a partition handed
 * over is first revoked here (its readers finish their batches and save their checkpoints) before
 * the next replica gets it. The consumer reads nothing (its partitions stay paused); polling it keeps
 * the membership. Poller thread only.
 */
final class ShardLeases implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private volatile boolean joined;

    /**
     * @param revoked called, inside {@link #poll}, with partitions about to go to another replica
     * @param assigned called, inside {@link #poll}, with partitions that became this replica's
     */
    ShardLeases(
            String bootstrapServers,
            String topic,
            String mappingUuid,
            Consumer<Set<Integer>> revoked,
            Consumer<Set<Integer>> assigned) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("group.id", "ignis-kinesis-" + mappingUuid);
        config.put("enable.auto.commit", "false");
        config.put("partition.assignment.strategy", CooperativeStickyAssignor.class.getName());
        config.put("session.timeout.ms", "10000");
        config.put("heartbeat.interval.ms", "1000");
        // A revocation waits for the batches in flight, which may run as long as a function may
        // (15 minutes): the group must not give the partitions away meanwhile.
        config.put("max.poll.interval.ms", Long.toString(Duration.ofMinutes(16).toMillis()));
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                Set<Integer> gone = numbers(partitions);
                revoked.accept(gone);
                owned.removeAll(gone);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                onPartitionsRevoked(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                consumer.pause(partitions);
                Set<Integer> added = numbers(partitions);
                owned.addAll(added);
                joined = true;
                assigned.accept(added);
            }
        });
    }

    void poll(Duration timeout) {
        consumer.poll(timeout);
    }

    /** Whether the group has answered: until then, this replica does not know what it holds. */
    boolean joined() {
        return joined;
    }

    boolean owns(int partition) {
        return owned.contains(partition);
    }

    Set<Integer> owned() {
        return Set.copyOf(owned);
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(10));
    }
}
