package dev.ignis.eventsource.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.eventsource.batch.BatchLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The event against AWS's documented self-managed Kafka example, field by field. */
class KafkaEventWriterTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final KafkaEventWriter writer = new KafkaEventWriter(source(null));

    @Test
    void writesAwsSelfManagedKafkaEventShape() {
        ConsumerRecord<byte[], byte[]> record = record(15, "abcDEF", "Hello, this is a test.");
        byte[] one = writer.record(record);
        byte[] event =
                writer.event(new TopicPartition("mytopic", 0), List.of(one, writer.record(record(16, null, "x"))));

        JsonNode e = JSON.readTree(event);
        assertThat(e.propertyNames()).containsExactly("eventSource", "bootstrapServers", "records");
        assertThat(e.path("eventSource").asString()).isEqualTo("SelfManagedKafka");
        assertThat(e.path("bootstrapServers").asString()).isEqualTo("b-1.example.com:9092,b-2.example.com:9092");
        assertThat(e.path("records").propertyNames()).containsExactly("mytopic-0");
        JsonNode r = e.path("records").path("mytopic-0").get(0);
        assertThat(r.propertyNames())
                .containsExactly(
                        "topic", "partition", "offset", "timestamp", "timestampType", "key", "value", "headers");
        assertThat(r.path("topic").asString()).isEqualTo("mytopic");
        assertThat(r.path("partition").asInt()).isZero();
        assertThat(r.path("offset").asLong()).isEqualTo(15);
        assertThat(r.path("timestamp").asLong()).isEqualTo(1545084650987L);
        assertThat(r.path("timestampType").asString()).isEqualTo("CREATE_TIME");
        assertThat(r.path("key").asString()).isEqualTo("YWJjREVG");
        assertThat(r.path("value").asString()).isEqualTo("SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==");
        assertThat(r.path("headers").toString())
                .isEqualTo("[{\"headerKey\":[104,101,97,100,101,114,86,97,108,117,101]}]");
        JsonNode keyless = e.path("records").path("mytopic-0").get(1);
        assertThat(keyless.has("key")).as("a null key is left out").isFalse();
        assertThat(keyless.path("offset").asLong()).isEqualTo(16);
    }

    @Test
    void anMskMappingSaysAwsKafkaAndItsClusterArn() {
        String arn = "arn:aws:kafka:us-east-1:000000000000:cluster/orders/abc-1";
        KafkaEventWriter msk = new KafkaEventWriter(source(arn));
        JsonNode e =
                JSON.readTree(msk.event(new TopicPartition("mytopic", 0), List.of(msk.record(record(1, "k", "v")))));
        assertThat(e.propertyNames()).containsExactly("eventSource", "eventSourceArn", "bootstrapServers", "records");
        assertThat(e.path("eventSource").asString()).isEqualTo("aws:kafka");
        assertThat(e.path("eventSourceArn").asString()).isEqualTo(arn);
    }

    @Test
    void theEnvelopeSizeIsExactlyWhatTheEventAddsAroundItsRecords() {
        TopicPartition lane = new TopicPartition("mytopic", 3);
        byte[] r = writer.record(record(1, "k", "v"));
        assertThat(writer.event(lane, List.of(r)).length).isEqualTo(writer.envelopeBytes(lane) + r.length);
    }

    @Test
    void filtersSeeTheValueDecodedAsJsonOrText() {
        ConsumerRecord<byte[], byte[]> json = record(1, "k", "{\"kind\":\"order\",\"n\":3}");
        JsonNode view = JSON.readTree(writer.filterView(json, writer.record(json)));
        assertThat(view.path("value").path("kind").asString()).isEqualTo("order");
        assertThat(view.path("key").asString()).isEqualTo("k");
        ConsumerRecord<byte[], byte[]> text = record(2, null, "plain words");
        assertThat(JSON.readTree(writer.filterView(text, writer.record(text)))
                        .path("value")
                        .asString())
                .isEqualTo("plain words");
    }

    static ConsumerRecord<byte[], byte[]> record(long offset, String key, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader("headerKey", "headerValue".getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>(
                "mytopic",
                0,
                offset,
                1545084650987L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8),
                headers,
                Optional.empty());
    }

    static KafkaSource source(String mskArn) {
        return new KafkaSource(
                "uuid",
                "arn:aws:lambda:us-east-1:000000000000:function:f",
                mskArn == null ? KafkaSource.SELF_MANAGED : KafkaSource.MSK,
                mskArn,
                List.of("b-1.example.com:9092", "b-2.example.com:9092"),
                "mytopic",
                "uuid",
                KafkaSource.StartingPosition.TRIM_HORIZON,
                null,
                new BatchLimits(100, Duration.ZERO, 6_291_456, 0),
                List.of(),
                KafkaSecurity.NONE,
                KafkaSource.ErrorHandling.RETRY_FOREVER,
                null);
    }
}
