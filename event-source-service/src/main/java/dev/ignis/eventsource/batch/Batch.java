package dev.ignis.eventsource.batch;

import java.util.List;

/**
 * The next records of one ordered lane to hand to the function.
 *
 * @param records what the function gets, in order; empty when every record taken was filtered out
 * @param lastPosition the position of the last record taken, filtered ones included: once the
 *     batch succeeded (or when {@code records} is empty) the lane has processed up to here
 * @param filtered how many records were taken without being delivered, since no filter matched them
 * @param payloadBytes the records' serialized size
 */
public record Batch<R>(List<R> records, long lastPosition, int filtered, long payloadBytes) {

    public Batch {
        records = List.copyOf(records);
    }

    /** Nothing to invoke: every record taken was filtered out, and they count as processed. */
    public boolean filteredOnly() {
        return records.isEmpty();
    }
}
