package dev.ignis.eventsource.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LaneScalerTest {

    final LaneScaler scaler = new LaneScaler(5, 20, 5, Duration.ofSeconds(1));

    @Test
    void startsWithFiveLanesAndAddsFiveAnIntervalWhileMessagesWaitUpToTheMaximum() {
        assertThat(scaler.target()).isEqualTo(5);
        scaler.observe(500, false, 0);
        assertThat(scaler.target()).isEqualTo(10);
        scaler.observe(500, false, 1000);
        scaler.observe(500, false, 2000);
        scaler.observe(500, false, 3000);
        assertThat(scaler.target()).isEqualTo(20);
    }

    @Test
    void dropsOneLaneAnIntervalOnceTheQueueIsEmptyButNeverBelowTheStart() {
        scaler.observe(500, false, 0);
        scaler.observe(0, false, 1000);
        assertThat(scaler.target()).isEqualTo(9);
        for (int i = 0; i < 10; i++) {
            scaler.observe(0, false, 2000 + i * 1000L);
        }
        assertThat(scaler.target()).isEqualTo(5);
    }

    @Test
    void throttlesTakeALaneAwayEvenWithABacklog() {
        scaler.observe(500, false, 0);
        scaler.observe(500, true, 1000);
        assertThat(scaler.target()).isEqualTo(9);
    }

    @Test
    void maximumConcurrencyBelowFiveIsTheStartAndTheCeiling() {
        LaneScaler two = new LaneScaler(5, 2, 5, Duration.ofSeconds(1));
        assertThat(two.target()).isEqualTo(2);
        two.observe(1000, false, 0);
        assertThat(two.target()).isEqualTo(2);
    }

    @Test
    void anUnknownBacklogChangesNothing() {
        scaler.observe(-1, false, 0);
        assertThat(scaler.target()).isEqualTo(5);
    }

    @Test
    void readsAgainOnlyOnceTheIntervalPassed() {
        scaler.observe(0, false, 1000);
        assertThat(scaler.due(1500)).isFalse();
        assertThat(scaler.due(2000)).isTrue();
    }
}
