package dev.ignis.eventsource.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShardProgressTest {

    @Test
    void theCheckpointWaitsForTheSlowestLaneAndThenJumpsOverWhatOthersFinished() {
        ShardProgress progress = new ShardProgress(2, null);
        progress.read(0, "s0", 0);
        progress.read(1, "s1", 1);
        progress.read(2, "s2", 1);
        progress.read(3, "s3", 0);

        progress.done(1, 2);
        assertThat(progress.checkpoint()).as("lane 0 still holds s0").isNull();

        progress.done(0, 0);
        assertThat(progress.checkpoint()).isEqualTo("s2");
        assertThat(progress.complete()).isFalse();

        progress.done(0, 3);
        assertThat(progress.checkpoint()).isEqualTo("s3");
        assertThat(progress.complete()).isTrue();
    }

    @Test
    void aRestartedReaderKeepsItsCheckpointUntilSomethingNewIsDone() {
        ShardProgress progress = new ShardProgress(1, "s9");
        progress.read(0, "s10", 0);
        assertThat(progress.checkpoint()).isEqualTo("s9");
        progress.done(0, 0);
        assertThat(progress.checkpoint()).isEqualTo("s10");
    }
}
