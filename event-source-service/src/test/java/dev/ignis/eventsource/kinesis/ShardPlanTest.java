package dev.ignis.eventsource.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.eventsource.kinesis.KinesisSource.StartingPosition;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.SequenceNumberRange;
import software.amazon.awssdk.services.kinesis.model.Shard;

/** Which shards begin, in what order across a resharding, and where. */
class ShardPlanTest {

    static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    final Map<String, Checkpoint> checkpoints = new HashMap<>();

    // shard-0 was split into shard-1 and shard-2, which were merged into shard-3.
    final List<Shard> stream = List.of(
            shard("shard-0", null, null, true),
            shard("shard-1", "shard-0", null, true),
            shard("shard-2", "shard-0", null, true),
            shard("shard-3", "shard-1", "shard-2", false));

    @Test
    void aChildBeginsOnlyOnceEveryParentEnded() {
        assertThat(ids(StartingPosition.TRIM_HORIZON)).containsExactly("shard-0");

        checkpoints.put("shard-0", Checkpoint.ended("10", null));
        assertThat(ids(StartingPosition.TRIM_HORIZON)).containsExactly("shard-1", "shard-2");

        checkpoints.put("shard-1", Checkpoint.ended("20", null));
        assertThat(ids(StartingPosition.TRIM_HORIZON))
                .as("the merge waits for its adjacent parent")
                .containsExactly("shard-2");

        checkpoints.put("shard-2", Checkpoint.ended("30", null));
        assertThat(ids(StartingPosition.TRIM_HORIZON)).containsExactly("shard-3");
    }

    @Test
    void aParentNoLongerListedDoesNotHoldItsChildBack() {
        List<ShardPlan.Step> steps = ShardPlan.steps(
                List.of(shard("shard-3", "shard-1", "shard-2", false)),
                checkpoints::get,
                id -> true,
                StartingPosition.TRIM_HORIZON,
                null);
        assertThat(steps).extracting(ShardPlan.Step::shardId).containsExactly("shard-3");
    }

    @Test
    void latestSkipsShardsClosedBeforeTheMappingSawThemAndReadsTheOpenOneAtLatest() {
        List<ShardPlan.Step> first = steps(StartingPosition.LATEST);
        assertThat(first).containsExactly(new ShardPlan.Skip("shard-0"));

        checkpoints.put("shard-0", Checkpoint.skippedClosed());
        checkpoints.put("shard-1", Checkpoint.skippedClosed());
        checkpoints.put("shard-2", Checkpoint.skippedClosed());
        assertThat(steps(StartingPosition.LATEST))
                .containsExactly(new ShardPlan.Read("shard-3", null, new ShardReader.Start.Latest()));
    }

    @Test
    void underLatestTheChildOfAShardThatWasReadBeginsAtItsTrimHorizon() {
        checkpoints.put("shard-0", Checkpoint.ended("10", AT));
        assertThat(steps(StartingPosition.LATEST))
                .containsExactly(
                        new ShardPlan.Read("shard-1", null, new ShardReader.Start.TrimHorizon()),
                        new ShardPlan.Read("shard-2", null, new ShardReader.Start.TrimHorizon()));
    }

    @Test
    void atTimestampAppliesToEveryShardWithoutACheckpointAndACheckpointIsHandedOn() {
        checkpoints.put("shard-0", Checkpoint.after("7"));
        assertThat(steps(StartingPosition.AT_TIMESTAMP))
                .containsExactly(
                        new ShardPlan.Read("shard-0", Checkpoint.after("7"), new ShardReader.Start.AtTimestamp(AT)));
    }

    @Test
    void shardsThatAreNotOursAreLeftAlone() {
        assertThat(ShardPlan.steps(stream, checkpoints::get, id -> false, StartingPosition.TRIM_HORIZON, null))
                .isEmpty();
    }

    private List<ShardPlan.Step> steps(StartingPosition position) {
        return ShardPlan.steps(stream, checkpoints::get, id -> true, position, AT);
    }

    private List<String> ids(StartingPosition position) {
        return steps(position).stream().map(ShardPlan.Step::shardId).toList();
    }

    private static Shard shard(String id, String parent, String adjacent, boolean closed) {
        return Shard.builder()
                .shardId(id)
                .parentShardId(parent)
                .adjacentParentShardId(adjacent)
                .sequenceNumberRange(SequenceNumberRange.builder()
                        .startingSequenceNumber("0")
                        .endingSequenceNumber(closed ? "99" : null)
                        .build())
                .build();
    }
}
