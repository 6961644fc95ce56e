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
}
