package dev.ignis.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveredRecordsTest {

    private static final String EXPOSITION =
            """
            # HELP ignis_eventsource_records_total
            # TYPE ignis_eventsource_records_total counter
            ignis_eventsource_records_total{function="f",mapping="m-1",outcome="delivered"} 1200.0
            ignis_eventsource_records_total{function="f",mapping="m-1",outcome="filtered"} 7.0
            ignis_eventsource_records_total{function="f",mapping="m-2",outcome="delivered"} 55.0
            ignis_eventsource_batches_total{function="f",mapping="m-1",outcome="success"} 12.0
            """;

    @Test
    void countsOnlyTheDeliveredRecordsOfTheMappingAsked() {
        assertThat(DeliveredRecords.sum(EXPOSITION, "m-1")).isEqualTo(1200);
        assertThat(DeliveredRecords.sum(EXPOSITION, "m-2")).isEqualTo(55);
        assertThat(DeliveredRecords.sum(EXPOSITION, "m-3")).isZero();
    }
}
