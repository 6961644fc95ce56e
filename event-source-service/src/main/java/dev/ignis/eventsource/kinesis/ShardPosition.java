package dev.ignis.eventsource.kinesis;

import java.time.Clock;
import java.time.Instant;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Where a shard's reader (re)starts reading: after the last record it read, else after its
 * checkpoint, else at the pinned LATEST moment, else at the mapping's starting position. Asking
 * for a new iterator is how a reader gets past an expired one or a failed GetRecords.
 */
final class ShardPosition {

    private final String streamName;
    private final String shardId;
    private final ShardReader.Start start;
    private String lastRead;
    private Instant pinnedAt;

    ShardPosition(String streamName, String shardId, Checkpoint checkpoint, ShardReader.Start start) {
        this.streamName = streamName;
        this.shardId = shardId;
        this.start = start;
        this.lastRead = checkpoint == null ? null : checkpoint.sequenceNumber();
        this.pinnedAt = checkpoint == null ? null : checkpoint.pinnedAt();
    }

    void read(String sequenceNumber) {
        lastRead = sequenceNumber;
    }

    /** The LATEST moment saved for a shard with nothing processed yet, or null. */
    Instant pinnedAt() {
        return pinnedAt;
    }

    String iterator(KinesisClient kinesis, Checkpoints checkpoints, Clock clock) {
        GetShardIteratorRequest.Builder request =
                GetShardIteratorRequest.builder().streamName(streamName).shardId(shardId);
        if (lastRead != null) {
            request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).startingSequenceNumber(lastRead);
        } else if (pinnedAt != null) {
            request.shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(pinnedAt);
        } else {
            switch (start) {
                case ShardReader.Start.TrimHorizon t -> request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                case ShardReader.Start.AtTimestamp a ->
                    request.shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(a.at());
                case ShardReader.Start.Latest l -> {
                    Instant now = clock.instant();
                    String latest = kinesis.getShardIterator(request.shardIteratorType(ShardIteratorType.LATEST)
                                    .build())
                            .shardIterator();
                    // Where LATEST was is saved now: a restart before the first record neither skips
                    // what arrived meanwhile nor jumps to a later LATEST.
                    pinnedAt = now;
                    checkpoints.save(shardId, Checkpoint.pinned(now));
                    return latest;
                }
            }
        }
        return kinesis.getShardIterator(request.build()).shardIterator();
    }
}
