package dev.ignis.eventsource.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.invoke.InvokeAnswer;
import dev.ignis.contracts.invoke.InvokeHeaders;
import dev.ignis.eventsource.batch.BatchLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lane's retry, bisection, partial-failure and expiry rules, over an injected time. */
class KeyLaneTest {

    static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    static final InvokeAnswer OK =
            InvokeAnswer.read(200, h -> null, "null".getBytes(StandardCharsets.UTF_8), b -> null);
    static final InvokeAnswer ERROR = InvokeAnswer.read(
            200,
            h -> h.equals(InvokeHeaders.FUNCTION_ERROR) ? "Unhandled" : null,
            "{\"errorType\":\"Error\"}".getBytes(StandardCharsets.UTF_8),
            b -> "Error");

    final List<KeyLane.Discard> discarded = new ArrayList<>();
    ShardProgress progress;
    RecordExpiry expiry;

    @Test
    void bisectionSplitsAFailingBatchUntilTheBadRecordIsAloneAndDiscarded() {
        KeyLane lane = lane(source(true, 0, null), 4);
        fill(lane, 4, T0);

        assertThat(records(lane.next(0, T0, discarded::add))).containsExactly("s0", "s1", "s2", "s3");
        lane.completed(new BatchVerdict.Failed(true), ERROR, 0, 0, 0, discarded::add);
        assertThat(records(lane.next(0, T0, discarded::add))).containsExactly("s0", "s1");
        lane.completed(new BatchVerdict.Succeeded(), OK, 0, 0, 0, discarded::add);
        assertThat(progress.checkpoint()).isEqualTo("s1");
        assertThat(records(lane.next(0, T0, discarded::add))).containsExactly("s2", "s3");
        lane.completed(new BatchVerdict.Failed(true), ERROR, 0, 0, 0, discarded::add);
        assertThat(records(lane.next(0, T0, discarded::add))).containsExactly("s2");
        lane.completed(new BatchVerdict.Failed(true), ERROR, 0, 0, 0, discarded::add);

        assertThat(discarded).singleElement().satisfies(d -> {
            assertThat(d.condition()).isEqualTo(KeyLane.RETRIES_EXHAUSTED);
            assertThat(d.records()).extracting(StreamRecord::sequenceNumber).containsExactly("s2");
            assertThat(d.invokes()).isEqualTo(3);
        });
        assertThat(progress.checkpoint()).isEqualTo("s2");
        assertThat(records(lane.next(0, T0, discarded::add))).containsExactly("s3");
    }

    @Test
    void aPartialFailureMarksTheRecordsBeforeItDoneAndRetriesFromIt() {
        KeyLane lane = lane(source(false, -1, null), 10);
        fill(lane, 5, T0);
        lane.next(0, T0, discarded::add);
        lane.completed(new BatchVerdict.PartlyFailed(2), OK, 0, 100, 1000, discarded::add);

        assertThat(progress.checkpoint()).isEqualTo("s1");
        assertThat(lane.next(50, T0, discarded::add)).as("back-off").isNull();
        assertThat(records(lane.next(100, T0, discarded::add))).containsExactly("s2", "s3", "s4");
    }

    @Test
    void aBatchIsRetriedMaximumRetryAttemptsTimesThenDiscardedAndTheLaneGoesOn() {
        KeyLane lane = lane(source(false, 2, null), 2);
        fill(lane, 3, T0);
        for (int invoke = 1; invoke <= 3; invoke++) {
            assertThat(records(lane.next(0, T0, discarded::add))).containsExactly("s0", "s1");
            lane.completed(new BatchVerdict.Failed(true), ERROR, 0, 0, 0, discarded::add);
        }
        assertThat(discarded).singleElement().satisfies(d -> assertThat(d.invokes())
                .isEqualTo(3));
        assertThat(progress.checkpoint()).isEqualTo("s1");
        assertThat(records(lane.next(0, T0, discarded::add))).containsExactly("s2");
    }

    @Test
    void recordsPastTheMaximumAgeAreDiscardedBeforeTheInvokeAndTheYoungerOnesGo() {
        KeyLane lane = lane(source(false, -1, Duration.ofSeconds(60)), 10);
        fill(lane, 2, T0);
        fill(lane, 1, T0.plusSeconds(30));
        Instant now = T0.plusSeconds(61);

        assertThat(records(lane.next(0, now, discarded::add))).containsExactly("s2");
        assertThat(discarded).singleElement().satisfies(d -> {
            assertThat(d.condition()).isEqualTo(KeyLane.RECORD_AGE_EXCEEDED);
            assertThat(d.records()).hasSize(2);
            assertThat(d.lastAnswer()).isNull();
        });
        assertThat(progress.checkpoint()).isEqualTo("s1");
    }

    @Test
    void withNoMaximumAgeARecordFailingForeverExpiresWithTheStreamsRetention() {
        KeyLane lane = lane(source(false, -1, null), 10);
        expiry.retention(Duration.ofHours(2));
        fill(lane, 1, T0);
        assertThat(records(lane.next(0, T0.plusSeconds(3600), discarded::add))).containsExactly("s0");
        lane.completed(new BatchVerdict.Failed(true), ERROR, 0, 0, 0, discarded::add);

        assertThat(lane.next(0, T0.plusSeconds(7201), discarded::add)).isNull();
        assertThat(discarded).singleElement().satisfies(d -> {
            assertThat(d.condition()).isEqualTo(KeyLane.RECORD_AGE_EXCEEDED);
            assertThat(d.invokes()).isEqualTo(1);
            assertThat(d.lastAnswer()).isSameAs(ERROR);
        });
        assertThat(lane.idle()).isTrue();
    }

    @Test
    void filteredOutRecordsAloneAreDoneWithoutAnInvoke() {
        KeyLane lane = lane(source(false, -1, null), 10);
        progress.read(0, "s0", 0);
        lane.buffer.add(record(0, T0), 0, 10, false, 0);

        assertThat(lane.next(0, T0, discarded::add)).isNull();
        assertThat(progress.checkpoint()).isEqualTo("s0");
        assertThat(lane.idle()).isTrue();
    }

    private KeyLane lane(KinesisSource source, int batchSize) {
        progress = new ShardProgress(1, null);
        expiry = new RecordExpiry(source.maximumRecordAge());
        return new KeyLane(0, new BatchLimits(batchSize, Duration.ZERO, 6_291_456, 13), source, expiry, progress);
    }

    private int next;

    private void fill(KeyLane lane, int count, Instant arrival) {
        for (int i = 0; i < count; i++, next++) {
            progress.read(next, "s" + next, 0);
            lane.buffer.add(record(next, arrival), next, 10, true, 0);
        }
    }

    private static StreamRecord record(long ordinal, Instant arrival) {
        return new StreamRecord(ordinal, "s" + ordinal, "k", arrival, new byte[10]);
    }

    private static List<String> records(KeyLane.Attempt attempt) {
        assertThat(attempt).isNotNull();
        return attempt.records().stream().map(StreamRecord::sequenceNumber).toList();
    }

    static KinesisSource source(boolean bisect, int retries, Duration maxAge) {
        return new KinesisSource(
                "uuid",
                Streams.FUNCTION,
                Streams.arn("s"),
                "s",
                "us-east-1",
                KinesisSource.StartingPosition.TRIM_HORIZON,
                null,
                new BatchLimits(10, Duration.ZERO, 6_291_456, 13),
                List.of(),
                1,
                bisect,
                retries,
                maxAge,
                false,
                null);
    }
}
