package dev.ignis.eventsource.kinesis;

import dev.ignis.contracts.invoke.InvokeAnswer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mapping's {@code DestinationConfig.OnFailure} queue: for every discarded stretch of records, the
 * invocation record Lambda sends for stream sources — {@code requestContext}, {@code responseContext}
 * (left out when the records were never invoked), {@code version}, {@code timestamp} and
 * {@code KinesisBatchInfo} — which names the records instead of holding them.
 */
final class FailureDestination {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final JsonMapper json = JsonMapper.builder().build();
    private final SqsClient sqs;
    private final KinesisSource source;
    private final Clock clock;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    FailureDestination(SqsClient sqs, KinesisSource source, Clock clock) {
        this.sqs = sqs;
        this.source = source;
        this.clock = clock;
    }

    /** Sends the record; throws (an SDK exception) when the queue cannot be reached, to be tried again. */
    void send(String shardId, KeyLane.Discard discard) {
        String arn = source.onFailureDestination();
        String[] parts = arn.split(":", 6);
        String url = queueUrls.computeIfAbsent(
                arn, a -> sqs.getQueueUrl(r -> r.queueName(parts[5]).queueOwnerAWSAccountId(parts[4]))
                        .queueUrl());
        sqs.sendMessage(r -> r.queueUrl(url).messageBody(body(shardId, discard, clock.instant())));
    }

    String body(String shardId, KeyLane.Discard discard, Instant now) {
        List<StreamRecord> records = discard.records();
        InvokeAnswer answer = discard.lastAnswer();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeName("requestContext");
            g.writeStartObject();
            g.writeStringProperty(
                    "requestId",
                    answer != null && answer.requestId() != null
                            ? answer.requestId()
                            : UUID.randomUUID().toString());
            g.writeStringProperty("functionArn", source.functionArn());
            g.writeStringProperty("condition", discard.condition());
            g.writeNumberProperty("approximateInvokeCount", discard.invokes());
            g.writeEndObject();
            if (answer != null) {
                g.writeName("responseContext");
                g.writeStartObject();
                g.writeNumberProperty("statusCode", answer.status());
                g.writeStringProperty("executedVersion", answer.executedVersion());
                g.writeStringProperty("functionError", answer.functionError());
                g.writeEndObject();
            }
            g.writeStringProperty("version", "1.0");
            g.writeStringProperty("timestamp", millis(now));
            g.writeName("KinesisBatchInfo");
            g.writeStartObject();
            g.writeStringProperty("shardId", shardId);
            g.writeStringProperty("startSequenceNumber", records.getFirst().sequenceNumber());
            g.writeStringProperty("endSequenceNumber", records.getLast().sequenceNumber());
            g.writeStringProperty(
                    "approximateArrivalOfFirstRecord", millis(records.getFirst().arrival()));
            g.writeStringProperty(
                    "approximateArrivalOfLastRecord", millis(records.getLast().arrival()));
            g.writeNumberProperty("batchSize", records.size());
            g.writeStringProperty("streamArn", source.streamArn());
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** ISO-8601 with exactly three fraction digits, as AWS writes these times. */
    private static String millis(Instant instant) {
        return TIME.format(instant);
    }
}
