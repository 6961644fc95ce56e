package dev.ignis.eventsource.kafka;

import dev.ignis.contracts.invoke.InvokeAnswer;
import dev.ignis.eventsource.batch.Batch;
import dev.ignis.eventsource.batch.BatchBuffer;
import dev.ignis.eventsource.batch.BatchLimits;
import java.util.ArrayDeque;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * One assigned partition: its waiting records, the batches in flight or waiting to be retried, the
 * records given up on that still have to reach the OnFailure destination, and the offset processed
 * so far. Everything here goes in offset order, one step at a time, so the partition's order holds.
 * A failed batch is retried (or bisected) under the mapping's {@link KafkaSource.ErrorHandling}
 * until it succeeds or is given up; records given up are processed only once the destination took
 * them. Touched by the polling thread only; time comes from the caller.
 */
final class PartitionLane {

    static final String RETRIES_EXHAUSTED = "RetryAttemptsExhausted";
    static final String RECORD_AGE_EXCEEDED = "RecordAgeExceeded";

    /**
     * Records to invoke.
     *
     * @param doneUpTo the offset processed once these records succeeded (filtered-out records after
     *     the last one included)
     * @param retries how often these records were retried after a function error (bisection does not count)
     * @param invokes how often these records were invoked so far
     * @param lastAnswer their last answer, or null
     */
    record Attempt(List<KafkaRecord> records, long doneUpTo, int retries, int invokes, InvokeAnswer lastAnswer) {}

    /** Records given up on: processed once the OnFailure destination has them (or at once without one). */
    record Discard(List<KafkaRecord> records, long doneUpTo, String condition, int invokes, InvokeAnswer lastAnswer) {}

    /** What the lane asks for next. */
    sealed interface Step {
        /** @param filtered records no filter matched that were taken with these (counted once, here) */
        record Invoke(Attempt attempt, int filtered) implements Step {}

        record Deliver(Discard discard) implements Step {}

        /** Records no filter matched, processed without an invoke. */
        record Filtered(int records) implements Step {}
    }

    final TopicPartition partition;
    final BatchBuffer<KafkaRecord> buffer = new BatchBuffer<>();
    final BatchLimits limits;
    private final KafkaSource.ErrorHandling handling;
    private final ArrayDeque<Attempt> pending = new ArrayDeque<>();
    private Discard discard;
    private long retryAt;
    private int failures;
    /** Filtered-out records taken with a batch, for the metric of the next invoke. */
    private int filteredUncounted;

    boolean inFlight;
    boolean paused;
    boolean revoked;

    /** The next offset to commit: everything before it succeeded, was filtered out or was given up. */
    long processed = -1;

    long committed = -1;

    PartitionLane(TopicPartition partition, BatchLimits limits, KafkaSource.ErrorHandling handling) {
        this.partition = partition;
        this.limits = limits;
        this.handling = handling;
    }

    /**
     * The next step, or null: records given up go to the destination first, then a retry once its
     * back-off passed, else a due batch. Records past MaximumRecordAgeInSeconds are given up instead
     * of invoked.
     */
    Step next(long nowMillis) {
        if (inFlight || (nowMillis < retryAt && (discard != null || !pending.isEmpty()))) {
            return null;
        }
        if (discard == null && pending.isEmpty()) {
            if (!buffer.due(limits, nowMillis)) {
                return null;
            }
            Batch<KafkaRecord> batch = buffer.take(limits);
            if (batch.filteredOnly()) {
                processed = batch.lastPosition() + 1;
                return new Step.Filtered(batch.filtered());
            }
            pending.addFirst(new Attempt(batch.records(), batch.lastPosition(), 0, 0, null));
            filteredUncounted += batch.filtered();
        }
        if (discard == null) {
            dropExpired(nowMillis);
        }
        inFlight = true;
        if (discard != null) {
            return new Step.Deliver(discard);
        }
        int filtered = filteredUncounted;
        filteredUncounted = 0;
        return new Step.Invoke(pending.peekFirst(), filtered);
    }

    private void dropExpired(long nowMillis) {
        if (handling.maximumRecordAgeMillis() < 0) {
            return;
        }
        Attempt head = pending.peekFirst();
        List<KafkaRecord> records = head.records();
        int expired = 0;
        while (expired < records.size()
                && records.get(expired).record().timestamp() + handling.maximumRecordAgeMillis() < nowMillis) {
            expired++;
        }
        if (expired == 0) {
            return;
        }
        pending.removeFirst();
        boolean all = expired == records.size();
        discard = new Discard(
                records.subList(0, expired),
                all ? head.doneUpTo() : records.get(expired - 1).offset(),
                RECORD_AGE_EXCEEDED,
                head.invokes(),
                head.lastAnswer());
        if (!all) {
            pending.addFirst(new Attempt(
                    records.subList(expired, records.size()),
                    head.doneUpTo(),
                    head.retries(),
                    head.invokes(),
                    head.lastAnswer()));
        }
    }

    /**
     * The invoke of the head attempt answered. A function error is a retry (while MaximumRetryAttempts
     * allows), or a bisection, or the end of the records; a throttle or a platform error retries
     * without counting, as Lambda counts only the function's errors.
     *
     * @return whether the records succeeded
     */
    boolean invoked(InvokeAnswer answer, long nowMillis, long backoffBase, long backoffMax) {
        inFlight = false;
        Attempt done = pending.removeFirst();
        int invokes = done.invokes() + 1;
        if (answer.succeeded()) {
            failures = 0;
            retryAt = 0;
            processed = done.doneUpTo() + 1;
            return true;
        }
        List<KafkaRecord> records = done.records();
        boolean functionError = answer.functionError() != null;
        if (functionError && handling.bisectOnError() && records.size() > 1) {
            int half = records.size() / 2;
            pending.addFirst(new Attempt(records.subList(half, records.size()), done.doneUpTo(), 0, invokes, answer));
            pending.addFirst(
                    new Attempt(records.subList(0, half), records.get(half - 1).offset(), 0, invokes, answer));
        } else if (!functionError || handling.mayRetry(done.retries())) {
            int retries = functionError ? done.retries() + 1 : done.retries();
            pending.addFirst(new Attempt(records, done.doneUpTo(), retries, invokes, answer));
        } else {
            discard = new Discard(records, done.doneUpTo(), RETRIES_EXHAUSTED, invokes, answer);
            return false;
        }
        failures++;
        retryAt = nowMillis + Math.min(backoffMax, backoffBase << Math.min(failures - 1, 20));
        return false;
    }

    /** The destination has the records given up (or there is none): the partition goes on past them. */
    void delivered() {
        inFlight = false;
        processed = discard.doneUpTo() + 1;
        discard = null;
        failures = 0;
        retryAt = 0;
    }

    /** The destination refused: the records stay, the partition waits, and they go again after a back-off. */
    void deliveryFailed(long nowMillis, long backoffBase, long backoffMax) {
        inFlight = false;
        failures++;
        retryAt = nowMillis + Math.min(backoffMax, backoffBase << Math.min(failures - 1, 20));
    }

    /** Milliseconds until this lane has something to do on its own, or -1. */
    long untilDue(long now) {
        if (inFlight) {
            return -1;
        }
        if (discard != null || !pending.isEmpty()) {
            return Math.max(0, retryAt - now);
        }
        return buffer.untilDue(limits, now);
    }
}
