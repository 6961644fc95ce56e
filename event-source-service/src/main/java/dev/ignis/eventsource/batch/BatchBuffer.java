package dev.ignis.eventsource.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of one ordered lane (a Kafka partition, a Kinesis shard) waiting to become a batch.
 * Records that no filter matched stay in line, so the lane's position never passes a record that
 * has not been delivered, but they do not count towards the batch size or the payload. A pure
 * structure over an injected time: not thread-safe, no clock of its own.
 */
public final class BatchBuffer<R> {

    private record Entry<R>(R record, long position, int bytes, boolean matched, long arrivedAt) {}

    private final ArrayDeque<Entry<R>> entries = new ArrayDeque<>();
    private int matched;
    private long matchedBytes;

    /**
     * @param bytes the record's serialized size in the event
     * @param matched whether the mapping's filters let it through
     * @param now milliseconds on the poller's clock
     */
    public void add(R record, long position, int bytes, boolean matched, long now) {
        entries.addLast(new Entry<>(record, position, bytes, matched, now));
        if (matched) {
            this.matched++;
            matchedBytes += bytes;
        }
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether a batch should go now. Filtered-out records alone go at once, without an invoke. */
    public boolean due(BatchLimits limits, long now) {
        if (entries.isEmpty()) {
            return false;
        }
        if (matched == 0) {
            return true;
        }
        return matched >= limits.batchSize()
                || limits.envelopeBytes() + matchedBytes + matched >= limits.maxPayloadBytes()
                || now - firstMatchedAt() >= limits.window().toMillis();
    }

    /** Milliseconds until {@link #due} turns true by the window alone; 0 when due, -1 when empty. */
    public long untilDue(BatchLimits limits, long now) {
        if (entries.isEmpty()) {
            return -1;
        }
        return due(limits, now)
                ? 0
                : Math.max(0, firstMatchedAt() + limits.window().toMillis() - now);
    }

    /**
     * Takes the next batch: records in order until it holds {@code batchSize} matched records or
     * the next one would pass the payload limit (a record too large on its own still goes alone).
     */
    public Batch<R> take(BatchLimits limits) {
        List<R> records = new ArrayList<>();
        long bytes = limits.envelopeBytes();
        long last = -1;
        int filtered = 0;
        while (!entries.isEmpty()) {
            Entry<R> next = entries.peekFirst();
            if (next.matched()) {
                long withNext = bytes + next.bytes() + (records.isEmpty() ? 0 : 1);
                if (records.size() == limits.batchSize()
                        || (!records.isEmpty() && withNext > limits.maxPayloadBytes())) {
                    break;
                }
                bytes = withNext;
                records.add(next.record());
                matched--;
                matchedBytes -= next.bytes();
            } else {
                filtered++;
            }
            last = next.position();
            entries.removeFirst();
        }
        return new Batch<>(records, last, filtered, bytes - limits.envelopeBytes());
    }

    /** Drops everything: the lane was handed to another consumer, which starts from the committed position. */
    public void clear() {
        entries.clear();
        matched = 0;
        matchedBytes = 0;
    }

    private long firstMatchedAt() {
        for (Entry<R> e : entries) {
            if (e.matched()) {
                return e.arrivedAt();
            }
        }
        return Long.MAX_VALUE;
    }
}
