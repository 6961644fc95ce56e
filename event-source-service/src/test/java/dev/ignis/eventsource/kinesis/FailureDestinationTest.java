package dev.ignis.eventsource.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FailureDestinationTest {

    @Test
    void recordsNeverInvokedCarryNoResponseContext() {
        KinesisSource source = KeyLaneTest.source(false, -1, null);
        FailureDestination destination = new FailureDestination(null, source, Clock.systemUTC());
        List<StreamRecord> records = List.of(
                new StreamRecord(0, "11", "k", Instant.parse("2026-12-04T10:00:00Z"), new byte[0]),
                new StreamRecord(1, "12", "k", Instant.parse("2026-12-04T10:00:01.5Z"), new byte[0]));

        JsonNode body = JsonMapper.builder()
                .build()
                .readTree(destination.body(
                        "shardId-000000000001",
                        new KeyLane.Discard(records, KeyLane.RECORD_AGE_EXCEEDED, 0, null),
                        Instant.parse("2026-12-04T10:05:00Z")));

        assertThat(body.has("responseContext")).isFalse();
        assertThat(body.path("requestContext").path("condition").asString()).isEqualTo("RecordAgeExceeded");
        assertThat(body.path("requestContext").path("approximateInvokeCount").asInt())
                .isZero();
        assertThat(body.path("timestamp").asString()).isEqualTo("2026-12-04T10:05:00.000Z");
        JsonNode info = body.path("KinesisBatchInfo");
        assertThat(info.path("startSequenceNumber").asString()).isEqualTo("11");
        assertThat(info.path("endSequenceNumber").asString()).isEqualTo("12");
        assertThat(info.path("approximateArrivalOfFirstRecord").asString()).isEqualTo("2026-12-04T10:00:00.000Z");
        assertThat(info.path("approximateArrivalOfLastRecord").asString()).isEqualTo("2026-12-04T10:00:01.500Z");
        assertThat(info.path("batchSize").asInt()).isEqualTo(2);
    }
}
