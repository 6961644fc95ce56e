package dev.ignis.eventsource.kinesis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Which shards of a stream to begin reading now, and where: a pure rule over the shard list and the
 * checkpoints. A shard begins once it has not ended and every parent (the parent, and after a merge
 * the adjacent parent) has ended or is no longer listed, so a partition key's records keep their
 * order across a resharding. A shard with no checkpoint begins at the mapping's starting position,
 * except that under {@code LATEST} the child of a shard the mapping read begins at its
 * TRIM_HORIZON (it holds only newer records), and a shard already closed when a {@code LATEST}
 * mapping first sees it is skipped: it has nothing after LATEST.
 */
final class ShardPlan {

    sealed interface Step {
        String shardId();
    }

    /** Read the shard, from its checkpoint, else from {@code start}. */
    record Read(String shardId, Checkpoint checkpoint, ShardReader.Start start) implements Step {}

    /** Save the shard as ended without reading it. */
    record Skip(String shardId) implements Step {}

    private ShardPlan() {}

    /**
     * @param checkpoints the known checkpoint of a shard, or null
     * @param ours whether a shard is this replica's to begin now (its lease is here, nothing reads it yet)
     */
    static List<Step> steps(
            List<Shard> shards,
            Function<String, Checkpoint> checkpoints,
            Predicate<String> ours,
            KinesisSource.StartingPosition position,
            Instant timestamp) {
        Set<String> listed = shards.stream().map(Shard::shardId).collect(Collectors.toSet());
        List<Step> steps = new ArrayList<>();
        for (Shard shard : shards) {
            String id = shard.shardId();
            Checkpoint checkpoint = checkpoints.apply(id);
            if ((checkpoint != null && checkpoint.ended()) || !ours.test(id)) {
                continue;
            }
            List<Checkpoint> parents = Stream.of(shard.parentShardId(), shard.adjacentParentShardId())
                    .filter(Objects::nonNull)
                    .filter(listed::contains)
                    .map(checkpoints)
                    .toList();
            if (!parents.stream().allMatch(c -> c != null && c.ended())) {
                continue;
            }
            boolean parentRead = parents.stream().anyMatch(c -> !c.skipped());
            boolean closed = shard.sequenceNumberRange() != null
                    && shard.sequenceNumberRange().endingSequenceNumber() != null;
            if (checkpoint == null && position == KinesisSource.StartingPosition.LATEST && closed && !parentRead) {
                steps.add(new Skip(id));
            } else {
                steps.add(new Read(id, checkpoint, start(position, timestamp, parentRead)));
            }
        }
        return steps;
    }

    private static ShardReader.Start start(
            KinesisSource.StartingPosition position, Instant timestamp, boolean parentRead) {
        return switch (position) {
            case TRIM_HORIZON -> new ShardReader.Start.TrimHorizon();
            case AT_TIMESTAMP -> new ShardReader.Start.AtTimestamp(timestamp);
            case LATEST -> parentRead ? new ShardReader.Start.TrimHorizon() : new ShardReader.Start.Latest();
        };
    }
}
