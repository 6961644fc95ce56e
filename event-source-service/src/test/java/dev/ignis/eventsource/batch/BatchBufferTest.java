package dev.ignis.eventsource.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchBufferTest {

    final BatchBuffer<String> buffer = new BatchBuffer<>();

    @Test
    void aBatchGoesOnceItHoldsBatchSizeRecordsAndTakesNoMore() {
        BatchLimits limits = new BatchLimits(3, Duration.ofSeconds(10), 6_291_456, 100);
        add(0, 1);
        assertThat(buffer.due(limits, 0)).isFalse();
        add(2, 3, 4);
        assertThat(buffer.due(limits, 0)).isTrue();

        Batch<String> batch = buffer.take(limits);
        assertThat(batch.records()).containsExactly("r0", "r1", "r2");
        assertThat(batch.lastPosition()).isEqualTo(2);
        assertThat(buffer.size()).isEqualTo(2);
    }

    @Test
    void aBatchGoesWhenTheWindowHasPassedSinceItsFirstRecord() {
        BatchLimits limits = new BatchLimits(100, Duration.ofMillis(500), 6_291_456, 100);
        buffer.add("r0", 0, 10, true, 1_000);
        buffer.add("r1", 1, 10, true, 1_400);
        assertThat(buffer.due(limits, 1_499)).isFalse();
        assertThat(buffer.untilDue(limits, 1_200)).isEqualTo(300);
        assertThat(buffer.due(limits, 1_500)).isTrue();
        assertThat(buffer.take(limits).records()).containsExactly("r0", "r1");
        assertThat(buffer.untilDue(limits, 1_500)).isEqualTo(-1);
    }

    @Test
    void aBatchIsCutBeforeItsEventWouldPassThePayloadLimit() {
        BatchLimits limits = new BatchLimits(100, Duration.ofSeconds(10), 1_000, 100);
        for (int i = 0; i < 5; i++) {
            buffer.add("r" + i, i, 300, true, 0);
        }
        assertThat(buffer.due(limits, 0)).as("the payload is full").isTrue();
        Batch<String> first = buffer.take(limits);
        assertThat(first.records()).containsExactly("r0", "r1");
        assertThat(100 + first.payloadBytes()).isLessThanOrEqualTo(1_000);
        assertThat(buffer.take(limits).records()).containsExactly("r2", "r3");
    }

    @Test
    void aRecordLargerThanTheLimitStillGoesAlone() {
        BatchLimits limits = new BatchLimits(100, Duration.ZERO, 1_000, 100);
        buffer.add("huge", 0, 5_000, true, 0);
        buffer.add("next", 1, 10, true, 0);
        assertThat(buffer.take(limits).records()).containsExactly("huge");
        assertThat(buffer.take(limits).records()).containsExactly("next");
    }

    @Test
    void filteredOutRecordsRideAlongUncountedAndAloneCountAsProcessedAtOnce() {
        BatchLimits limits = new BatchLimits(2, Duration.ofSeconds(10), 6_291_456, 100);
        buffer.add("r0", 0, 10, false, 0);
        buffer.add("r1", 1, 10, true, 0);
        buffer.add("r2", 2, 10, false, 0);
        buffer.add("r3", 3, 10, true, 0);
        buffer.add("r4", 4, 10, false, 0);

        Batch<String> batch = buffer.take(limits);
        assertThat(batch.records()).containsExactly("r1", "r3");
        assertThat(batch.filtered())
                .as("the filtered records before the next match go with it")
                .isEqualTo(3);
        assertThat(batch.lastPosition()).isEqualTo(4);
        assertThat(buffer.isEmpty()).isTrue();

        buffer.add("r5", 5, 10, false, 0);
        buffer.add("r6", 6, 10, false, 0);
        assertThat(buffer.due(limits, 0)).as("only filtered records wait").isTrue();
        Batch<String> rest = buffer.take(limits);
        assertThat(rest.filteredOnly()).isTrue();
        assertThat(rest.lastPosition()).isEqualTo(6);
    }

    private void add(int... positions) {
        for (int p : positions) {
            buffer.add("r" + p, p, 10, true, 0);
        }
    }
}
