package dev.ignis.asyncqueue.destination;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ignis.asyncqueue.invoke.InvokeOutcome;
import dev.ignis.contracts.invocation.AsyncInvocation;
import dev.ignis.contracts.invocation.InvocationRecord;
import dev.ignis.contracts.invocation.InvocationRecord.Condition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What destinations and dead-letter queues receive, as AWS writes it: the invocation record
 * ({@code version} 1.0, {@code requestContext}, {@code requestPayload}, {@code responseContext},
 * {@code responsePayload}) and, for a dead-letter queue, the original event with the attributes
 * {@code RequestID}, {@code ErrorCode} and {@code ErrorMessage} (its first 1 KB).
 */
public final class InvocationRecords {

    static final int MAX_ERROR_MESSAGE = 1024;
    // AWS leaves out what a record does not have (a success's functionError).
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    private static final String LATEST = "$LATEST";

    private InvocationRecords() {}

    /**
     * @param outcome the last try's outcome, or null when the event was given up before any
     */
    public static Outgoing record(
            AsyncInvocation event, Condition condition, InvokeOutcome outcome, int invokeCount, Instant now) {
        InvocationRecord record = new InvocationRecord(
                InvocationRecord.VERSION,
                now.truncatedTo(ChronoUnit.MILLIS).toString(),
                new InvocationRecord.RequestContext(
                        event.requestId(), qualified(event.functionArn()), condition, invokeCount),
                jsonOrText(event.payload().getBytes(StandardCharsets.UTF_8)),
                responseContext(outcome),
                responsePayload(outcome));
        return new Outgoing(event.functionArn(), JSON.writeValueAsString(record), Map.of());
    }

    public static Outgoing deadLetter(AsyncInvocation event, InvokeOutcome outcome, Condition condition) {
        Map<String, Outgoing.Attribute> attributes = new LinkedHashMap<>();
        attributes.put("RequestID", Outgoing.Attribute.string(event.requestId()));
        String message;
        if (outcome == null) {
            message = "Event age exceeded before the event could be tried (" + condition + ")";
        } else {
            attributes.put("ErrorCode", Outgoing.Attribute.number(outcome.statusCode()));
            message = errorMessage(outcome);
        }
        attributes.put("ErrorMessage", Outgoing.Attribute.string(firstKilobyte(message)));
        return new Outgoing(event.functionArn(), event.payload(), attributes);
    }

    private static InvocationRecord.ResponseContext responseContext(InvokeOutcome outcome) {
        return switch (outcome) {
            case null -> null;
            case InvokeOutcome.Ran ran ->
                new InvocationRecord.ResponseContext(200, ran.executedVersion(), ran.functionError());
            case InvokeOutcome.Refused refused ->
                new InvocationRecord.ResponseContext(refused.statusCode(), null, null);
        };
    }

    private static Object responsePayload(InvokeOutcome outcome) {
        return switch (outcome) {
            case null -> null;
            case InvokeOutcome.Ran ran -> ran.body().length == 0 ? null : jsonOrText(ran.body());
            case InvokeOutcome.Refused refused ->
                Map.of("errorType", refused.errorType(), "errorMessage", refused.message());
        };
    }

    private static String errorMessage(InvokeOutcome outcome) {
        return switch (outcome) {
            case InvokeOutcome.Ran ran -> {
                Object body = jsonOrText(ran.body());
                yield body instanceof JsonNode node && node.hasNonNull("errorMessage")
                        ? node.get("errorMessage").asString()
                        : new String(ran.body(), StandardCharsets.UTF_8);
            }
            case InvokeOutcome.Refused refused -> refused.message();
        };
    }

    private static String firstKilobyte(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_ERROR_MESSAGE) {
            return message;
        }
        // Cut at a character boundary.
        String cut = new String(bytes, 0, MAX_ERROR_MESSAGE, StandardCharsets.UTF_8);
        return cut.endsWith("\uFFFD") ? cut.substring(0, cut.length() - 1) : cut;
    }

    /** A parsed JSON tree when the bytes are JSON, else their text. */
    private static Object jsonOrText(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (RuntimeException e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** AWS writes the record's functionArn qualified: {@code …:function:name:$LATEST}. */
    private static String qualified(String functionArn) {
        return functionArn.split(":").length == 7 ? functionArn + ":" + LATEST : functionArn;
    }
}
