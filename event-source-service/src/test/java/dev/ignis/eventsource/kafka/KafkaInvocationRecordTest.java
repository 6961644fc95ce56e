package dev.ignis.eventsource.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OnFailure records of Kafka mappings, field by field and in AWS's order. */
class KafkaInvocationRecordTest {

    static final String CLUSTER = "arn:aws:kafka:us-east-1:123456789012:cluster/my-cluster/abc123";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final TopicPartition PARTITION = new TopicPartition("mytopic", 0);
    static final Instant NOW = Instant.parse("2026-12-04T18:16:05.568Z");

    @Test
    void theQueueRecordNamesTheRecordsInAwsOrder() {
        KafkaSource source = KafkaEventWriterTest.source(CLUSTER);
        var writer = new KafkaEventWriter(source);
        var records = List.of(record(writer, 15), record(writer, 16));
        var discard = new PartitionLane.Discard(
                records, 16, PartitionLane.RETRIES_EXHAUSTED, 3, PartitionLaneTest.FUNCTION_ERROR);

        JsonNode body = JSON.readTree(new KafkaInvocationRecord(source, writer).forQueue(PARTITION, discard, NOW));

        assertThat(names(body))
                .containsExactly("requestContext", "responseContext", "version", "timestamp", "KafkaBatchInfo");
        assertThat(body.path("requestContext").path("condition").asString()).isEqualTo("RetryAttemptsExhausted");
        assertThat(body.path("responseContext").path("functionError").asString())
                .isEqualTo("Unhandled");
        assertThat(body.path("timestamp").asString()).isEqualTo("2026-12-04T18:16:05.568Z");
        JsonNode info = body.path("KafkaBatchInfo");
        assertThat(names(info))
                .containsExactly("batchSize", "eventSourceArn", "bootstrapServers", "payloadSize", "recordsInfo");
        assertThat(info.path("eventSourceArn").asString()).isEqualTo(CLUSTER);
        assertThat(info.path("bootstrapServers").asString()).isEqualTo("b-1.example.com:9092,b-2.example.com:9092");
        assertThat(info.path("payloadSize").asInt())
                .isEqualTo(writer.event(
                                PARTITION,
                                records.stream().map(KafkaRecord::json).toList())
                        .length);
        JsonNode range = info.path("recordsInfo").path("mytopic-0");
        assertThat(range.path("firstRecordOffset").asString()).isEqualTo("15");
        assertThat(range.path("lastRecordOffset").asString()).isEqualTo("16");
        assertThat(range.path("firstRecordTimestamp").asString()).isEqualTo("2018-12-17T22:10:50.987Z");
    }

    @Test
    void theTopicRecordHoldsOneRecordAndItsEvent() {
        KafkaSource source = KafkaEventWriterTest.source(null);
        var writer = new KafkaEventWriter(source);
        KafkaRecord record = record(writer, 100);
        var discard = new PartitionLane.Discard(List.of(record), 100, PartitionLane.RECORD_AGE_EXCEEDED, 0, null);

        JsonNode body =
                JSON.readTree(new KafkaInvocationRecord(source, writer).forTopic(PARTITION, discard, record, NOW));

        assertThat(names(body)).containsExactly("requestContext", "version", "timestamp", "KafkaBatchInfo", "payload");
        assertThat(body.path("requestContext").path("condition").asString()).isEqualTo("RecordAgeExceeded");
        assertThat(body.path("requestContext").path("approximateInvokeCount").asInt())
                .isZero();
        JsonNode info = body.path("KafkaBatchInfo");
        assertThat(names(info)).containsExactly("batchSize", "bootstrapServers", "payloadSize", "recordInfo");
        assertThat(info.path("recordInfo").path("offset").asString()).isEqualTo("100");
        assertThat(body.path("payload")).isEqualTo(JSON.readTree(writer.event(PARTITION, List.of(record.json()))));
    }

    @Test
    void retriesExhaustedIsWordedAsTheTopicPageWordsIt() {
        KafkaSource source = KafkaEventWriterTest.source(null);
        var writer = new KafkaEventWriter(source);
        KafkaRecord record = record(writer, 1);
        var discard = new PartitionLane.Discard(
                List.of(record), 1, PartitionLane.RETRIES_EXHAUSTED, 1, PartitionLaneTest.FUNCTION_ERROR);

        JsonNode body =
                JSON.readTree(new KafkaInvocationRecord(source, writer).forTopic(PARTITION, discard, record, NOW));

        assertThat(body.path("requestContext").path("condition").asString()).isEqualTo("RetriesExhausted");
        assertThat(body.path("responseContext").path("statusCode").asInt()).isEqualTo(200);
    }

    private static KafkaRecord record(KafkaEventWriter writer, long offset) {
        var r = KafkaEventWriterTest.record(offset, "key", "value-" + offset);
        return new KafkaRecord(r, writer.record(r));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
