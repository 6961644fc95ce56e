package dev.ignis.eventsource.kafka;

import dev.ignis.eventsource.batch.Batch;
import dev.ignis.eventsource.batch.BatchBuffer;
import dev.ignis.eventsource.batch.BatchLimits;
import org.apache.kafka.common.TopicPartition;

/**
 * One assigned partition: its waiting records, the batch in flight or waiting to be retried, and
 * the offset processed so far. Touched by the polling thread only.
 */
final class PartitionLane {

    final TopicPartition partition;
    final BatchBuffer<byte[]> buffer = new BatchBuffer<>();
    final BatchLimits limits;

    /** A batch that failed and goes again, before anything after it. */
    Batch<byte[]> retry;

    long retryAt;
    int failures;
    boolean inFlight;
    boolean paused;
    boolean revoked;

    /** The next offset to commit: everything before it succeeded or was filtered out. */
    long processed = -1;

    long committed = -1;

    PartitionLane(TopicPartition partition, BatchLimits limits) {
        this.partition = partition;
        this.limits = limits;
    }

    /** The batch to invoke now, or null: a retry once its back-off passed, else a due batch. */
    Batch<byte[]> next(long now) {
        if (inFlight) {
            return null;
        }
        if (retry != null) {
            return now >= retryAt ? retry : null;
        }
        return buffer.due(limits, now) ? buffer.take(limits) : null;
    }

    /** Milliseconds until this lane has something to do on its own, or -1. */
    long untilDue(long now) {
        if (inFlight) {
            return -1;
        }
        if (retry != null) {
            return Math.max(0, retryAt - now);
        }
        return buffer.untilDue(limits, now);
    }

    void succeeded(Batch<byte[]> batch) {
        retry = null;
        failures = 0;
        processed = batch.lastPosition() + 1;
    }

    void failed(Batch<byte[]> batch, long now, long backoffMillis) {
        retry = batch;
        failures++;
        retryAt = now + backoffMillis;
    }
}
