package dev.ignis.eventsource.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    @Test
    void everyKindOfCheckpointSurvivesTheTopic() {
        Instant at = Instant.parse("2026-12-04T10:00:00.123Z");
        for (Checkpoint c : new Checkpoint[] {
            Checkpoint.after("4959"), Checkpoint.pinned(at), Checkpoint.ended("4960", at), Checkpoint.skippedClosed()
        }) {
            assertThat(Checkpoint.fromJson(c.toJson())).isEqualTo(c);
        }
    }

    @Test
    void aLateEchoNeverTakesAShardBack() {
        Checkpoint pinned = Checkpoint.pinned(Instant.EPOCH);
        Checkpoint low = Checkpoint.after("49590338271490256608559692538361571095921575989136588898");
        Checkpoint high = Checkpoint.after("49590338271490256608559692540925702759324208523137515618");
        Checkpoint ended = Checkpoint.ended(low.sequenceNumber(), null);

        assertThat(Checkpoint.furthest(high, low)).isEqualTo(high);
        assertThat(Checkpoint.furthest(low, high)).isEqualTo(high);
        assertThat(Checkpoint.furthest(ended, high)).isEqualTo(ended);
        assertThat(Checkpoint.furthest(low, pinned)).isEqualTo(low);
        assertThat(Checkpoint.furthest(pinned, low)).isEqualTo(low);
        assertThat(Checkpoint.furthest(null, pinned)).isEqualTo(pinned);
    }
}
