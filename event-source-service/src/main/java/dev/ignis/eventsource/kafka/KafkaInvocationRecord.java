package dev.ignis.eventsource.kafka;

import dev.ignis.eventsource.destination.InvocationRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The invocation records Lambda writes for Kafka records given up, as AWS documents them. For an SQS
 * queue one per discarded stretch, naming the records: {@code KafkaBatchInfo{batchSize,
 * eventSourceArn (MSK only), bootstrapServers, payloadSize, recordsInfo{"<topic>-<partition>":
 * {firstRecordOffset, lastRecordOffset, firstRecordTimestamp, lastRecordTimestamp}}}}. For a Kafka
 * topic one per record, holding it: {@code KafkaBatchInfo{batchSize 1, …, recordInfo{offset,
 * timestamp}}} and {@code payload}, the event with that record alone; there AWS's example names the
 * condition {@code RetriesExhausted}.
 */
final class KafkaInvocationRecord {

    static final String TOPIC_RETRIES_EXHAUSTED = "RetriesExhausted";

    private final JsonMapper json = JsonMapper.builder().build();
    private final KafkaSource source;
    private final KafkaEventWriter writer;

    KafkaInvocationRecord(KafkaSource source, KafkaEventWriter writer) {
        this.source = source;
        this.writer = writer;
    }

    String forQueue(TopicPartition partition, PartitionLane.Discard discard, Instant now) {
        List<KafkaRecord> records = discard.records();
        byte[] event =
                writer.event(partition, records.stream().map(KafkaRecord::json).toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            InvocationRecord.writeContext(
                    g, source.functionArn(), discard.condition(), discard.invokes(), discard.lastAnswer(), now);
            batchInfo(g, records.size(), event.length);
            g.writeName("recordsInfo");
            g.writeStartObject();
            g.writeName(partition.topic() + "-" + partition.partition());
            g.writeStartObject();
            g.writeStringProperty(
                    "firstRecordOffset", Long.toString(records.getFirst().offset()));
            g.writeStringProperty(
                    "lastRecordOffset", Long.toString(records.getLast().offset()));
            g.writeStringProperty("firstRecordTimestamp", time(records.getFirst()));
            g.writeStringProperty("lastRecordTimestamp", time(records.getLast()));
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    byte[] forTopic(TopicPartition partition, PartitionLane.Discard discard, KafkaRecord record, Instant now) {
        byte[] event = writer.event(partition, List.of(record.json()));
        String condition = discard.condition().equals(PartitionLane.RETRIES_EXHAUSTED)
                ? TOPIC_RETRIES_EXHAUSTED
                : discard.condition();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            InvocationRecord.writeContext(
                    g, source.functionArn(), condition, discard.invokes(), discard.lastAnswer(), now);
            batchInfo(g, 1, event.length);
            g.writeName("recordInfo");
            g.writeStartObject();
            g.writeStringProperty("offset", Long.toString(record.offset()));
            g.writeStringProperty("timestamp", time(record));
            g.writeEndObject();
            g.writeEndObject();
            g.writeName("payload");
            g.writeRawValue(new String(event, StandardCharsets.UTF_8));
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** Opens {@code KafkaBatchInfo} and writes its common fields; the caller adds the records' info and closes it. */
    private void batchInfo(JsonGenerator g, int batchSize, int payloadSize) {
        g.writeName("KafkaBatchInfo");
        g.writeStartObject();
        g.writeNumberProperty("batchSize", batchSize);
        if (source.eventSourceArn() != null) {
            g.writeStringProperty("eventSourceArn", source.eventSourceArn());
        }
        g.writeStringProperty("bootstrapServers", String.join(",", source.bootstrapServers()));
        g.writeNumberProperty("payloadSize", payloadSize);
    }

    private static String time(KafkaRecord record) {
        return InvocationRecord.millis(Instant.ofEpochMilli(record.record().timestamp()));
    }
}
