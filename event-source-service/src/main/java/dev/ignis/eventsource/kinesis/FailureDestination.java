package dev.ignis.eventsource.kinesis;

import dev.ignis.eventsource.destination.InvocationRecord;
import dev.ignis.eventsource.destination.SqsFailureQueue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mapping's {@code DestinationConfig.OnFailure} queue: for every discarded stretch of records, the
 * invocation record Lambda sends for stream sources — the shared {@link InvocationRecord} fields and
 * {@code KinesisBatchInfo} — which names the records instead of holding them.
 */
final class FailureDestination {

    private final JsonMapper json = JsonMapper.builder().build();
    private final SqsFailureQueue queue;
    private final KinesisSource source;
    private final Clock clock;

    FailureDestination(SqsFailureQueue queue, KinesisSource source, Clock clock) {
        this.queue = queue;
        this.source = source;
        this.clock = clock;
    }

    /** Sends the record; throws (an SDK exception) when the queue cannot be reached, to be tried again. */
    void send(String shardId, KeyLane.Discard discard) {
        queue.send(body(shardId, discard, clock.instant()));
    }

    String body(String shardId, KeyLane.Discard discard, Instant now) {
        List<StreamRecord> records = discard.records();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            InvocationRecord.writeContext(
                    g, source.functionArn(), discard.condition(), discard.invokes(), discard.lastAnswer(), now);
            g.writeName("KinesisBatchInfo");
            g.writeStartObject();
            g.writeStringProperty("shardId", shardId);
            g.writeStringProperty("startSequenceNumber", records.getFirst().sequenceNumber());
            g.writeStringProperty("endSequenceNumber", records.getLast().sequenceNumber());
            g.writeStringProperty(
                    "approximateArrivalOfFirstRecord",
                    InvocationRecord.millis(records.getFirst().arrival()));
            g.writeStringProperty(
                    "approximateArrivalOfLastRecord",
                    InvocationRecord.millis(records.getLast().arrival()));
            g.writeNumberProperty("batchSize", records.size());
            g.writeStringProperty("streamArn", source.streamArn());
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
