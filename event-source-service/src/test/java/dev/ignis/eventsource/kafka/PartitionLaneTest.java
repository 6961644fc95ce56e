package dev.ignis.eventsource.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.invoke.InvokeAnswer;
import dev.ignis.contracts.invoke.InvokeHeaders;
import dev.ignis.eventsource.batch.BatchLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class PartitionLaneTest {

    static final InvokeAnswer OK =
            InvokeAnswer.read(200, h -> null, "null".getBytes(StandardCharsets.UTF_8), b -> null);
    static final InvokeAnswer FUNCTION_ERROR = InvokeAnswer.read(
            200,
            h -> h.equals(InvokeHeaders.FUNCTION_ERROR) ? "Unhandled" : null,
            "{\"errorType\":\"Error\"}".getBytes(StandardCharsets.UTF_8),
            b -> "Error");
    static final long NOW = 1_000_000;

    @Test
    void maximumRetryAttemptsTwoMeansThreeInvokesThenTheRecordsAreGivenUp() {
        PartitionLane lane = lane(new KafkaSource.ErrorHandling(2, -1, false), 0, 1, 2);

        for (int invoke = 1; invoke <= 3; invoke++) {
            var step = (PartitionLane.Step.Invoke) lane.next(NOW + invoke * 1000L);
            assertThat(step.attempt().invokes()).isEqualTo(invoke - 1);
            assertThat(lane.invoked(FUNCTION_ERROR, NOW + invoke * 1000L, 1, 1)).isFalse();
        }
        var deliver = (PartitionLane.Step.Deliver) lane.next(NOW + 4000);
        assertThat(deliver.discard().condition()).isEqualTo(PartitionLane.RETRIES_EXHAUSTED);
        assertThat(deliver.discard().invokes()).isEqualTo(3);
        assertThat(deliver.discard().records()).extracting(KafkaRecord::offset).containsExactly(0L, 1L, 2L);
        assertThat(lane.processed)
                .as("not past the records before the destination has them")
                .isEqualTo(-1);

        lane.delivered();
        assertThat(lane.processed).isEqualTo(3);
    }

    @Test
    void throttlesAndPlatformErrorsAreRetriedWithoutCounting() {
        PartitionLane lane = lane(new KafkaSource.ErrorHandling(0, -1, false), 0);

        for (int i = 0; i < 5; i++) {
            assertThat(lane.next(NOW + i * 1000L)).isInstanceOf(PartitionLane.Step.Invoke.class);
            lane.invoked(InvokeAnswer.unreachable("down"), NOW + i * 1000L, 1, 1);
        }
        assertThat(lane.next(NOW + 10_000)).isInstanceOf(PartitionLane.Step.Invoke.class);
        lane.invoked(FUNCTION_ERROR, NOW + 10_000, 1, 1);
        assertThat(lane.next(NOW + 20_000)).isInstanceOf(PartitionLane.Step.Deliver.class);
    }

    @Test
    void bisectionIsolatesTheBadRecordWithoutCountingRetries() {
        PartitionLane lane = lane(new KafkaSource.ErrorHandling(0, -1, true), 0, 1, 2, 3);
        long t = NOW;
        List<Long> given = null;
        while (given == null) {
            t += 1000;
            switch (lane.next(t)) {
                case PartitionLane.Step.Invoke i -> {
                    boolean bad = i.attempt().records().stream().anyMatch(r -> r.offset() == 2);
                    lane.invoked(bad ? FUNCTION_ERROR : OK, t, 1, 1);
                }
                case PartitionLane.Step.Deliver d ->
                    given = d.discard().records().stream()
                            .map(KafkaRecord::offset)
                            .toList();
                default -> throw new AssertionError("unexpected step");
            }
        }
        assertThat(given).containsExactly(2L);
        assertThat(lane.processed)
                .as("0 and 1 succeeded; 2 waits for the destination")
                .isEqualTo(2);
        lane.delivered();
        var last = (PartitionLane.Step.Invoke) lane.next(t + 1000);
        assertThat(last.attempt().records()).extracting(KafkaRecord::offset).containsExactly(3L);
    }

    @Test
    void recordsPastMaximumRecordAgeAreGivenUpBeforeTheInvoke() {
        PartitionLane lane = new PartitionLane(
                new TopicPartition("t", 0),
                new BatchLimits(10, Duration.ZERO, 6_291_456, 0),
                new KafkaSource.ErrorHandling(-1, 60_000, false));
        lane.buffer.add(record(0, NOW - 120_000), 0, 10, true, NOW);
        lane.buffer.add(record(1, NOW - 10_000), 1, 10, true, NOW);

        var deliver = (PartitionLane.Step.Deliver) lane.next(NOW);
        assertThat(deliver.discard().condition()).isEqualTo(PartitionLane.RECORD_AGE_EXCEEDED);
        assertThat(deliver.discard().records()).extracting(KafkaRecord::offset).containsExactly(0L);
        assertThat(deliver.discard().lastAnswer()).isNull();
        lane.delivered();
        assertThat(lane.processed).isEqualTo(1);
        var invoke = (PartitionLane.Step.Invoke) lane.next(NOW);
        assertThat(invoke.attempt().records()).extracting(KafkaRecord::offset).containsExactly(1L);
    }

    @Test
    void aRefusedDeliveryKeepsTheRecordsAndTriesAgainAfterTheBackoff() {
        PartitionLane lane = lane(new KafkaSource.ErrorHandling(0, -1, false), 0);
        lane.next(NOW);
        lane.invoked(FUNCTION_ERROR, NOW, 1, 1);
        assertThat(lane.next(NOW)).isInstanceOf(PartitionLane.Step.Deliver.class);

        lane.deliveryFailed(NOW, 500, 1000);
        assertThat(lane.next(NOW + 100)).isNull();
        assertThat(lane.next(NOW + 500)).isInstanceOf(PartitionLane.Step.Deliver.class);
        assertThat(lane.processed).isEqualTo(-1);
    }

    private static PartitionLane lane(KafkaSource.ErrorHandling handling, long... offsets) {
        PartitionLane lane = new PartitionLane(
                new TopicPartition("t", 0), new BatchLimits(10, Duration.ZERO, 6_291_456, 0), handling);
        LongStream.of(offsets).forEach(o -> lane.buffer.add(record(o, NOW), o, 10, true, NOW));
        return lane;
    }

    static KafkaRecord record(long offset, long timestamp) {
        return new KafkaRecord(
                new ConsumerRecord<>(
                        "t",
                        0,
                        offset,
                        timestamp,
                        TimestampType.CREATE_TIME,
                        -1,
                        -1,
                        null,
                        ("v" + offset).getBytes(StandardCharsets.UTF_8),
                        new RecordHeaders(),
                        Optional.empty()),
                ("{\"offset\":" + offset + "}").getBytes(StandardCharsets.UTF_8));
    }
}
