package dev.ignis.eventsource.poller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTrackerTest {

    private static final Instant MODIFIED = Instant.parse("2026-12-04T10:00:00Z");

    private final List<MappingStatus> sent = new ArrayList<>();

    private static EventSourceMappingSnapshot mapping(String state, String lastProcessingResult) {
        return new EventSourceMappingSnapshot(
                "m-1",
                "arn:aws:lambda:us-east-1:000000000000:event-source-mapping:m-1",
                "arn:aws:lambda:us-east-1:000000000000:function:f",
                SourceKind.KAFKA,
                null,
                null,
                state,
                null,
                true,
                100,
                null,
                List.of(),
                "TRIM_HORIZON",
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                lastProcessingResult,
                MODIFIED);
    }

    @Test
    void aSourceThatBecomesReachableClearsItsProblemAndTurnsEnabled() {
        StatusTracker tracker = new StatusTracker(mapping("Creating", "No records processed"), sent::add);

        tracker.problem(ProcessingResults.TOPIC_NOT_FOUND);
        tracker.reading();

        assertThat(sent)
                .containsExactly(
                        new MappingStatus("m-1", MODIFIED, null, ProcessingResults.TOPIC_NOT_FOUND),
                        new MappingStatus("m-1", MODIFIED, MappingStatus.ENABLED, ProcessingResults.NO_RECORDS));
    }

    @Test
    void anEnabledMappingWhoseSourceCameBackSaysSoWithoutTouchingItsState() {
        StatusTracker tracker = new StatusTracker(mapping("Enabled", ProcessingResults.CONNECTION_ERROR), sent::add);

        tracker.problem(ProcessingResults.CONNECTION_ERROR);
        tracker.reading();

        assertThat(sent).containsExactly(new MappingStatus("m-1", MODIFIED, null, ProcessingResults.NO_RECORDS));
    }

    @Test
    void aFailedBatchStaysTheLastResultAcrossARebalance() {
        StatusTracker tracker = new StatusTracker(mapping("Enabled", "OK"), sent::add);

        tracker.reading();
        tracker.processed(ProcessingResults.FUNCTION_FAILED);
        tracker.reading();

        assertThat(sent).containsExactly(new MappingStatus("m-1", MODIFIED, null, ProcessingResults.FUNCTION_FAILED));
    }
}
