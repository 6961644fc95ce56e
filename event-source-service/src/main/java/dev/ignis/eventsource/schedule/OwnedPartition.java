package dev.ignis.eventsource.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fired-topic partition this replica owns: the last fire time of each of its rules, and the
 * transactional producer (id {@code <prefix>-<partition>}, the same on every replica) that writes
 * a fire and its mark together.
 *
 * <p>Taking the partition starts that producer, which fences any earlier owner and settles its last
 * transaction (committed or aborted), and only then reads the partition's marks up to its last
 * stable offset: so every fire any owner committed is known before this one fires. Any failure
 * takes the partition again the same way before the next fire, so a producer that was fenced, or a
 * transaction that did not commit, never leads to a fire repeated or lost.
 */
final class OwnedPartition implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OwnedPartition.class);
    private static final Duration CLOSE = Duration.ofSeconds(5);

    private final TopicPartition partition;
    private final Supplier<Producer<String, byte[]>> producers;
    private final Map<String, Instant> lastFired = new HashMap<>();
    private Producer<String, byte[]> producer;
    private long loadedUpTo;
    private boolean loaded;

    OwnedPartition(TopicPartition partition, Supplier<Producer<String, byte[]>> producers) {
        this.partition = partition;
        this.producers = producers;
    }

    /** Fences the previous owner, then reads this partition's marks again from the start. */
    void take(Consumer<String, byte[]> consumer) {
        closeProducer();
        Producer<String, byte[]> fresh = producers.get();
        try {
            fresh.initTransactions();
            loadedUpTo = consumer.endOffsets(List.of(partition)).get(partition);
            consumer.seekToBeginning(List.of(partition));
        } catch (RuntimeException e) {
            fresh.close(CLOSE);
            throw e;
        }
        lastFired.clear();
        loaded = false;
        producer = fresh;
    }

    /** Takes the partition again if it is not held (a fire failed, or taking it failed); notes when the marks are read. */
    void maintain(Consumer<String, byte[]> consumer) {
        if (producer == null) {
            try {
                take(consumer);
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                log.warn("Cannot take schedule partition {} yet ({}); trying again", partition, e.toString());
                return;
            }
        }
        if (!loaded && consumer.position(partition) >= loadedUpTo) {
            loaded = true;
        }
    }

    boolean ready() {
        return producer != null && loaded;
    }

    void remember(FiredMark mark) {
        lastFired.merge(mark.ruleArn(), mark.fireTime(), (a, b) -> a.isAfter(b) ? a : b);
    }

    Instant lastFired(String ruleArn) {
        return lastFired.get(ruleArn);
    }

    int partition() {
        return partition.partition();
    }

    /**
     * Writes one fire: its invocations and its mark, in one transaction. False when it did not
     * commit: nothing of it is visible, and the partition is taken again before the next fire.
     */
    boolean fire(List<ProducerRecord<String, byte[]>> invocations, FiredMark mark) {
        try {
            producer.beginTransaction();
            invocations.forEach(producer::send);
            producer.send(
                    new ProducerRecord<>(partition.topic(), partition.partition(), mark.ruleArn(), mark.encode()));
            producer.commitTransaction();
            remember(mark);
            return true;
        } catch (KafkaException | IllegalStateException e) {
            log.warn(
                    "A fire of {} at {} did not commit ({}); taking partition {} again",
                    mark.ruleArn(),
                    mark.fireTime(),
                    e.toString(),
                    partition);
            abortQuietly();
            closeProducer();
            return false;
        }
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            // fenced or broken: the next owner's initTransactions aborts it
        }
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(CLOSE);
            } catch (RuntimeException e) {
                log.debug("Closing the producer of {}: {}", partition, e.toString());
            }
            producer = null;
        }
    }

    @Override
    public void close() {
        closeProducer();
    }
}
