package dev.ignis.eventsource.kinesis;

import dev.ignis.contracts.invoke.InvokeAnswer;
import dev.ignis.eventsource.batch.Batch;
import dev.ignis.eventsource.batch.BatchBuffer;
import dev.ignis.eventsource.batch.BatchLimits;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One of a shard's ParallelizationFactor lanes: the records whose partition key hashes to it, in
 * shard order, and at most one batch of them in flight, so order holds per partition key. A failed
 * batch stays at the head of the lane (retried, bisected or cut after its last processed record)
 * until it succeeds or is discarded, and holds back this lane only. Touched by the shard's reader
 * only; time comes from the caller.
 */
final class KeyLane {

    static final String RETRIES_EXHAUSTED = "RetryAttemptsExhausted";
    static final String RECORD_AGE_EXCEEDED = "RecordAgeExceeded";

    /**
     * A batch to invoke.
     *
     * @param doneUpTo the ordinal the lane has processed once this batch succeeded: its last record,
     *     or past it, over the filtered-out records that followed it
     * @param retries how often these records were retried (bisection does not count, as on Lambda)
     * @param invokes how often these records were invoked so far
     * @param lastAnswer the last answer they had, or null
     */
    record Attempt(List<StreamRecord> records, long doneUpTo, int retries, int invokes, InvokeAnswer lastAnswer) {}

    /** Records given up on, for the OnFailure destination. */
    record Discard(List<StreamRecord> records, String condition, int invokes, InvokeAnswer lastAnswer) {}

    final int index;
    final BatchBuffer<StreamRecord> buffer = new BatchBuffer<>();
    private final BatchLimits limits;
    private final KinesisSource source;
    private final RecordExpiry expiry;
    private final ShardProgress progress;
    private final ArrayDeque<Attempt> pending = new ArrayDeque<>();
    private boolean inFlight;
    private long retryAt;
    private int failures;

    KeyLane(int index, BatchLimits limits, KinesisSource source, RecordExpiry expiry, ShardProgress progress) {
        this.index = index;
        this.limits = limits;
        this.source = source;
        this.expiry = expiry;
        this.progress = progress;
    }

    /**
     * The batch to invoke now, or null. Expired records ({@link RecordExpiry}) are discarded first,
     * and batches of filtered-out records only are processed without an invoke.
     */
    Attempt next(long nowMillis, Instant now, Consumer<Discard> discards) {
        while (!inFlight) {
            if (pending.isEmpty()) {
                if (!buffer.due(limits, nowMillis)) {
                    return null;
                }
                Batch<StreamRecord> batch = buffer.take(limits);
                if (batch.filteredOnly()) {
                    progress.done(index, batch.lastPosition());
                    continue;
                }
                pending.addFirst(new Attempt(batch.records(), batch.lastPosition(), 0, 0, null));
            } else if (nowMillis < retryAt) {
                return null;
            }
            Attempt head = pending.removeFirst();
            Attempt live = dropExpired(head, now, discards);
            if (live != null) {
                pending.addFirst(live);
                inFlight = true;
                return live;
            }
        }
        return null;
    }

    private Attempt dropExpired(Attempt attempt, Instant now, Consumer<Discard> discards) {
        List<StreamRecord> records = attempt.records();
        int expired = 0;
        while (expired < records.size() && expiry.expired(records.get(expired).arrival(), now)) {
            expired++;
        }
        if (expired == 0) {
            return attempt;
        }
        discards.accept(
                new Discard(records.subList(0, expired), RECORD_AGE_EXCEEDED, attempt.invokes(), attempt.lastAnswer()));
        if (expired == records.size()) {
            progress.done(index, attempt.doneUpTo());
            return null;
        }
        progress.done(index, records.get(expired - 1).ordinal());
        return new Attempt(
                records.subList(expired, records.size()),
                attempt.doneUpTo(),
                attempt.retries(),
                attempt.invokes(),
                attempt.lastAnswer());
    }

    /** The batch in flight went as {@code verdict} says; what failed goes again or is discarded. */
    void completed(
            BatchVerdict verdict,
            InvokeAnswer answer,
            long nowMillis,
            long backoffBase,
            long backoffMax,
            Consumer<Discard> discards) {
        inFlight = false;
        Attempt done = pending.removeFirst();
        int invokes = done.invokes() + 1;
        switch (verdict) {
            case BatchVerdict.Succeeded s -> {
                failures = 0;
                progress.done(index, done.doneUpTo());
                return;
            }
            case BatchVerdict.PartlyFailed p -> {
                if (p.firstFailed() > 0) {
                    progress.done(index, done.records().get(p.firstFailed() - 1).ordinal());
                }
                List<StreamRecord> rest =
                        done.records().subList(p.firstFailed(), done.records().size());
                retryOrDiscard(new Attempt(rest, done.doneUpTo(), done.retries(), invokes, answer), discards);
            }
            case BatchVerdict.Failed f -> {
                List<StreamRecord> records = done.records();
                if (f.functionError() && source.bisectOnError() && records.size() > 1) {
                    int half = records.size() / 2;
                    pending.addFirst(
                            new Attempt(records.subList(half, records.size()), done.doneUpTo(), 0, invokes, answer));
                    pending.addFirst(new Attempt(
                            records.subList(0, half), records.get(half - 1).ordinal(), 0, invokes, answer));
                } else {
                    retryOrDiscard(new Attempt(records, done.doneUpTo(), done.retries(), invokes, answer), discards);
                }
            }
        }
        failures++;
        retryAt = nowMillis + Math.min(backoffMax, backoffBase << Math.min(failures - 1, 20));
    }

    private void retryOrDiscard(Attempt failed, Consumer<Discard> discards) {
        if (source.mayRetry(failed.retries())) {
            pending.addFirst(new Attempt(
                    failed.records(), failed.doneUpTo(), failed.retries() + 1, failed.invokes(), failed.lastAnswer()));
        } else {
            discards.accept(new Discard(failed.records(), RETRIES_EXHAUSTED, failed.invokes(), failed.lastAnswer()));
            progress.done(index, failed.doneUpTo());
        }
    }

    boolean inFlight() {
        return inFlight;
    }

    /** Whether the lane holds nothing: no record waiting, none in flight, none to retry. */
    boolean idle() {
        return !inFlight && pending.isEmpty() && buffer.isEmpty();
    }

    /** Milliseconds until the lane has something to do on its own, or -1. */
    long untilDue(long nowMillis) {
        if (inFlight) {
            return -1;
        }
        if (!pending.isEmpty()) {
            return Math.max(0, retryAt - nowMillis);
        }
        return buffer.untilDue(limits, nowMillis);
    }
}
