package dev.ignis.eventsource.kafka;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event Lambda sends for Kafka records, byte for byte in AWS's documented shape:
 * {@code {"eventSource","eventSourceArn"(MSK only),"bootstrapServers","records":{"<topic>-<partition>":[…]}}},
 * each record with {@code topic, partition, offset, timestamp, timestampType}, base64 {@code key}
 * and {@code value} (left out when null), and {@code headers} as a list of one-entry objects whose
 * value is the header's bytes as a JSON array of (signed, as Java has them) numbers. Each record is
 * serialized once, when it arrives, so a batch's size is known exactly before it is sent.
 */
final class KafkaEventWriter {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final JsonMapper json = JsonMapper.builder().build();
    private final byte[] head;

    KafkaEventWriter(KafkaSource source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("eventSource", source.eventSource());
            if (source.eventSourceArn() != null) {
                g.writeStringProperty("eventSourceArn", source.eventSourceArn());
            }
            g.writeStringProperty("bootstrapServers", String.join(",", source.bootstrapServers()));
            g.writeName("records");
            g.writeStartObject();
            g.writeEndObject();
            g.writeEndObject();
        }
        String text = out.toString(StandardCharsets.UTF_8);
        // Everything up to the records object's opening brace; the closing "}}" is the tail.
        this.head = text.substring(0, text.length() - 2).getBytes(StandardCharsets.UTF_8);
    }

    /** What the event adds around its records, for the payload limit: head, the lane's key, the tail. */
    int envelopeBytes(TopicPartition lane) {
        return head.length + key(lane).length + 5;
    }

    /** One record, as it appears in the event's list. */
    byte[] record(ConsumerRecord<byte[], byte[]> r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + size(r.key()) * 4 / 3 + size(r.value()) * 4 / 3);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("topic", r.topic());
            g.writeNumberProperty("partition", r.partition());
            g.writeNumberProperty("offset", r.offset());
            g.writeNumberProperty("timestamp", r.timestamp());
            g.writeStringProperty("timestampType", r.timestampType().name());
            if (r.key() != null) {
                g.writeStringProperty("key", BASE64.encodeToString(r.key()));
            }
            if (r.value() != null) {
                g.writeStringProperty("value", BASE64.encodeToString(r.value()));
            }
            g.writeName("headers");
            g.writeStartArray();
            for (Header h : r.headers()) {
                g.writeStartObject();
                g.writeName(h.key());
                g.writeStartArray();
                if (h.value() != null) {
                    for (byte b : h.value()) {
                        g.writeNumber(b);
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** The event for one lane's batch of records, each as {@link #record} wrote it. */
    byte[] event(TopicPartition lane, List<byte[]> records) {
        byte[] key = key(lane);
        int size = head.length + key.length + 4 + records.size();
        for (byte[] r : records) {
            size += r.length;
        }
        byte[] event = new byte[size];
        int at = copy(head, event, 0);
        at = copy(key, event, at);
        event[at++] = ':';
        event[at++] = '[';
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                event[at++] = ',';
            }
            at = copy(records.get(i), event, at);
        }
        event[at++] = ']';
        event[at++] = '}';
        event[at] = '}';
        return event;
    }

    /**
     * The record as filter patterns see it: the record of the event, with {@code value} decoded —
     * as JSON when it is JSON, else as a UTF-8 string — and {@code key} decoded to a string.
     */
    String filterView(ConsumerRecord<byte[], byte[]> r, byte[] recordJson) {
        ObjectNode view = (ObjectNode) json.readTree(recordJson);
        if (r.key() != null) {
            view.put("key", new String(r.key(), StandardCharsets.UTF_8));
        }
        if (r.value() != null) {
            view.set("value", decoded(r.value()));
        }
        return view.toString();
    }

    private JsonNode decoded(byte[] value) {
        try {
            JsonNode node = json.readTree(value);
            if (node != null && !node.isMissingNode()) {
                return node;
            }
        } catch (JacksonException e) {
            // not JSON: matched as a string
        }
        return json.getNodeFactory().textNode(new String(value, StandardCharsets.UTF_8));
    }

    private byte[] key(TopicPartition lane) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeString(lane.topic() + "-" + lane.partition());
        }
        return out.toByteArray();
    }

    private static int copy(byte[] from, byte[] to, int at) {
        System.arraycopy(from, 0, to, at, from.length);
        return at + from.length;
    }

    private static int size(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
