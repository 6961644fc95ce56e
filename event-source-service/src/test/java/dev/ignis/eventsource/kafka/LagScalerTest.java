package dev.ignis.eventsource.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LagScalerTest {

    final LagScaler scaler = new LagScaler(Duration.ofSeconds(5), 1000);

    @Test
    void startsWithOneBatchAndAddsOnePerIntervalWhileTheLagIsHighUpToThePartitions() {
        assertThat(scaler.concurrency()).isOne();
        scaler.observe(5_000, 3, 0);
        assertThat(scaler.concurrency()).isEqualTo(2);
        assertThat(scaler.due(4_999)).isFalse();
        assertThat(scaler.due(5_000)).isTrue();
        scaler.observe(5_000, 3, 5_000);
        scaler.observe(50_000, 3, 10_000);
        assertThat(scaler.concurrency())
                .as("never more than the partitions held")
                .isEqualTo(3);
    }

    @Test
    void aLagThatOneBatchAtATimeKeepsUpWithAddsNothing() {
        scaler.observe(900, 4, 0);
        assertThat(scaler.concurrency()).isOne();
        scaler.observe(1_500, 4, 5_000);
        scaler.observe(1_500, 4, 10_000);
        assertThat(scaler.concurrency())
                .as("1,500 is under 1,000 per running batch once two run")
                .isEqualTo(2);
    }

    @Test
    void givesBackOneBatchOnceTheLagIsGoneOrPartitionsWereHandedOver() {
        scaler.observe(10_000, 4, 0);
        scaler.observe(10_000, 4, 5_000);
        assertThat(scaler.concurrency()).isEqualTo(3);
        scaler.observe(0, 4, 10_000);
        assertThat(scaler.concurrency()).isEqualTo(2);
        scaler.observe(10, 1, 15_000);
        assertThat(scaler.concurrency()).as("one partition left here").isOne();
    }
}
