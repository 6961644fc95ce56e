package dev.ignis.eventsource.kinesis;

import java.util.ArrayDeque;

/**
 * Which sequence number a shard may be checkpointed at while up to ParallelizationFactor lanes
 * finish their batches out of step: the last record such that it and every record read before it
 * are done, whatever lane each went to. A pure structure, touched by the shard's reader only.
 */
final class ShardProgress {

    private record Pending(long ordinal, String sequenceNumber, int lane) {}

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final long[] doneUpTo;
    private String checkpoint;

    ShardProgress(int lanes, String checkpoint) {
        this.doneUpTo = new long[lanes];
        java.util.Arrays.fill(doneUpTo, -1);
        this.checkpoint = checkpoint;
    }

    /** A record read, in shard order, handed to {@code lane}. */
    void read(long ordinal, String sequenceNumber, int lane) {
        pending.addLast(new Pending(ordinal, sequenceNumber, lane));
    }

    /** Every record of {@code lane} up to {@code ordinal} is done (delivered, filtered or discarded). */
    void done(int lane, long ordinal) {
        doneUpTo[lane] = Math.max(doneUpTo[lane], ordinal);
        while (!pending.isEmpty()
                && doneUpTo[pending.peekFirst().lane()] >= pending.peekFirst().ordinal()) {
            checkpoint = pending.removeFirst().sequenceNumber();
        }
    }

    /** The sequence number to checkpoint: reading resumes after it; null before any record was done. */
    String checkpoint() {
        return checkpoint;
    }

    /** Whether every record read is done. */
    boolean complete() {
        return pending.isEmpty();
    }
}
