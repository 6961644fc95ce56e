package dev.ignis.eventsource.kinesis;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event Lambda sends for Kinesis records, in AWS's shape and field order:
 * {@code {"Records":[{"kinesis":{"kinesisSchemaVersion","partitionKey","sequenceNumber","data",
 * "approximateArrivalTimestamp"},"eventSource","eventVersion","eventID","eventName",
 * "invokeIdentityArn","awsRegion","eventSourceARN"}]}}; {@code data} is base64 and the arrival time
 * is epoch seconds with milliseconds. Each record is serialized once, when it is read.
 */
final class KinesisEventWriter {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final byte[] HEAD = "{\"Records\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "]}".getBytes(StandardCharsets.UTF_8);

    private final JsonMapper json = JsonMapper.builder().build();
    private final String streamArn;
    private final String region;
    private final String invokeIdentityArn;

    KinesisEventWriter(String streamArn, String region, String invokeIdentityArn) {
        this.streamArn = streamArn;
        this.region = region;
        this.invokeIdentityArn = invokeIdentityArn;
    }

    /** What the event adds around its records, for the payload limit. */
    static int envelopeBytes() {
        return HEAD.length + TAIL.length;
    }

    /** One record, as it appears in the event's {@code Records} list. */
    byte[] record(String shardId, String sequenceNumber, String partitionKey, byte[] data, Instant arrival) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(400 + data.length * 4 / 3);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeName("kinesis");
            g.writeStartObject();
            g.writeStringProperty("kinesisSchemaVersion", "1.0");
            g.writeStringProperty("partitionKey", partitionKey);
            g.writeStringProperty("sequenceNumber", sequenceNumber);
            g.writeStringProperty("data", BASE64.encodeToString(data));
            g.writeName("approximateArrivalTimestamp");
            g.writeNumber(seconds(arrival));
            g.writeEndObject();
            g.writeStringProperty("eventSource", "aws:kinesis");
            g.writeStringProperty("eventVersion", "1.0");
            g.writeStringProperty("eventID", shardId + ":" + sequenceNumber);
            g.writeStringProperty("eventName", "aws:kinesis:record");
            g.writeStringProperty("invokeIdentityArn", invokeIdentityArn);
            g.writeStringProperty("awsRegion", region);
            g.writeStringProperty("eventSourceARN", streamArn);
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** The event for one batch, each record as {@link #record} wrote it. */
    static byte[] event(List<StreamRecord> records) {
        int size = HEAD.length + TAIL.length + Math.max(0, records.size() - 1);
        for (StreamRecord r : records) {
            size += r.json().length;
        }
        byte[] event = new byte[size];
        System.arraycopy(HEAD, 0, event, 0, HEAD.length);
        int at = HEAD.length;
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                event[at++] = ',';
            }
            byte[] r = records.get(i).json();
            System.arraycopy(r, 0, event, at, r.length);
            at += r.length;
        }
        System.arraycopy(TAIL, 0, event, at, TAIL.length);
        return event;
    }

    /**
     * The record as filter patterns see it, as AWS shows it to them: the {@code kinesis} object with
     * {@code data} decoded when it is JSON ({@code {"data":{"kind":["order"]}}}); when the data is
     * not JSON it is left out, so only patterns on the metadata can match the record.
     */
    String filterView(byte[] recordJson, byte[] data) {
        ObjectNode view = (ObjectNode) json.readTree(recordJson).path("kinesis");
        JsonNode decoded = decoded(data);
        if (decoded == null) {
            view.remove("data");
        } else {
            view.set("data", decoded);
        }
        return view.toString();
    }

    private JsonNode decoded(byte[] data) {
        try {
            JsonNode node = json.readTree(data);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JacksonException e) {
            return null;
        }
    }

    static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }
}
