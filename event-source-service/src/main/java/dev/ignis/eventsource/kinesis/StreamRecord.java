package dev.ignis.eventsource.kinesis;

import java.time.Instant;

/**
 * One record read from a shard, serialized once for the event.
 *
 * @param ordinal the record's place in what this reader read from the shard, from 0: the batch
 *     position the {@link dev.ignis.eventsource.batch.BatchBuffer} and {@link ShardProgress} keep
 * @param json the record as it appears in the event's {@code Records} list
 */
record StreamRecord(long ordinal, String sequenceNumber, String partitionKey, Instant arrival, byte[] json) {}
