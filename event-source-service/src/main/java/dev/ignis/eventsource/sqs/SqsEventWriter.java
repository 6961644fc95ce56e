package dev.ignis.eventsource.sqs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event Lambda sends for SQS messages, in the shape AWS records: {@code {"Records":[…]}}, each
 * record {@code messageId, receiptHandle, body, attributes, messageAttributes,
 * md5OfMessageAttributes, md5OfBody, eventSource ("aws:sqs"), eventSourceARN, awsRegion}. System
 * attributes come in Lambda's order (the FIFO ones and {@code AWSTraceHeader} only when SQS sent
 * them); each message attribute as {@code stringValue} or base64 {@code binaryValue}, then
 * {@code stringListValues}, {@code binaryListValues} and {@code dataType};
 * {@code md5OfMessageAttributes} is null without attributes. Each record is serialized once, when
 * it arrives, so a batch's size is known exactly.
 */
final class SqsEventWriter {

    /** The system attributes the event carries, in the order Lambda writes them. */
    static final List<String> SYSTEM_ATTRIBUTES = List.of(
            "ApproximateReceiveCount",
            "SentTimestamp",
            "SenderId",
            "ApproximateFirstReceiveTimestamp",
            "SequenceNumber",
            "MessageGroupId",
            "MessageDeduplicationId",
            "AWSTraceHeader");

    private static final byte[] HEAD = "{\"Records\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "]}".getBytes(StandardCharsets.UTF_8);

    private final JsonMapper json = JsonMapper.builder().build();
    private final QueueArn queue;

    SqsEventWriter(QueueArn queue) {
        this.queue = queue;
    }

    /** What the event adds around its records, for the payload limit. */
    int envelopeBytes() {
        return HEAD.length + TAIL.length;
    }

    /** One message, as it appears in the event's {@code Records}. */
    byte[] record(Message m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + m.body().length());
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("messageId", m.messageId());
            g.writeStringProperty("receiptHandle", m.receiptHandle());
            g.writeStringProperty("body", m.body());
            g.writeName("attributes");
            g.writeStartObject();
            Map<String, String> attributes = m.attributesAsStrings();
            for (String name : SYSTEM_ATTRIBUTES) {
                String value = attributes.get(name);
                if (value != null) {
                    g.writeStringProperty(name, value);
                }
            }
            g.writeEndObject();
            g.writeName("messageAttributes");
            g.writeStartObject();
            m.messageAttributes().forEach((name, value) -> {
                g.writeName(name);
                attribute(g, value);
            });
            g.writeEndObject();
            g.writeStringProperty("md5OfMessageAttributes", md5OfMessageAttributes(m));
            g.writeStringProperty(
                    "md5OfBody",
                    m.md5OfBody() != null
                            ? m.md5OfBody()
                            : MessageAttributesMd5.md5Hex(m.body().getBytes(StandardCharsets.UTF_8)));
            g.writeStringProperty("eventSource", "aws:sqs");
            g.writeStringProperty("eventSourceARN", queue.arn());
            g.writeStringProperty("awsRegion", queue.region());
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** The event for a batch of records, each as {@link #record} wrote it. */
    byte[] event(List<byte[]> records) {
        int size = HEAD.length + TAIL.length + Math.max(0, records.size() - 1);
        for (byte[] r : records) {
            size += r.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(HEAD);
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(records.get(i));
        }
        out.writeBytes(TAIL);
        return out.toByteArray();
    }

    /**
     * The record as filter patterns see it: as in the event, with {@code body} decoded when it is
     * JSON (a pattern on a field of a body that is not JSON then matches nothing, as on Lambda).
     */
    String filterView(Message m, byte[] recordJson) {
        ObjectNode view = (ObjectNode) json.readTree(recordJson);
        view.set("body", decoded(m.body()));
        return view.toString();
    }

    private JsonNode decoded(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node != null && !node.isMissingNode()) {
                return node;
            }
        } catch (JacksonException e) {
            // not JSON: matched as a string
        }
        return json.getNodeFactory().textNode(body);
    }

    private static String md5OfMessageAttributes(Message m) {
        if (!m.hasMessageAttributes() || m.messageAttributes().isEmpty()) {
            return null;
        }
        return m.md5OfMessageAttributes() != null
                ? m.md5OfMessageAttributes()
                : MessageAttributesMd5.of(m.messageAttributes());
    }

    private static void attribute(JsonGenerator g, MessageAttributeValue value) {
        g.writeStartObject();
        if (value.stringValue() != null) {
            g.writeStringProperty("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            g.writeStringProperty("binaryValue", base64(value.binaryValue()));
        }
        g.writeName("stringListValues");
        g.writeStartArray();
        value.stringListValues().forEach(g::writeString);
        g.writeEndArray();
        g.writeName("binaryListValues");
        g.writeStartArray();
        value.binaryListValues().forEach(b -> g.writeString(base64(b)));
        g.writeEndArray();
        g.writeStringProperty("dataType", value.dataType());
        g.writeEndObject();
    }

    private static String base64(SdkBytes bytes) {
        return java.util.Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
