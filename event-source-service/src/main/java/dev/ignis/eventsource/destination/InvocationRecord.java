package dev.ignis.eventsource.destination;

import dev.ignis.contracts.invoke.InvokeAnswer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;

/**
 * The fields every stream and Kafka OnFailure invocation record shares, in AWS's order:
 * {@code requestContext{requestId,functionArn,condition,approximateInvokeCount}},
 * {@code responseContext{statusCode,executedVersion,functionError}} (left out when the records were
 * never invoked), {@code version} {@code 1.0} and {@code timestamp}. Each source then adds its own
 * batch info.
 */
public final class InvocationRecord {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private InvocationRecord() {}

    /**
     * Writes the shared fields into an object the caller opened.
     *
     * @param lastAnswer the records' last invoke answer, or null when they were never invoked
     */
    public static void writeContext(
            JsonGenerator g, String functionArn, String condition, int invokes, InvokeAnswer lastAnswer, Instant now) {
        g.writeName("requestContext");
        g.writeStartObject();
        g.writeStringProperty(
                "requestId",
                lastAnswer != null && lastAnswer.requestId() != null
                        ? lastAnswer.requestId()
                        : UUID.randomUUID().toString());
        g.writeStringProperty("functionArn", functionArn);
        g.writeStringProperty("condition", condition);
        g.writeNumberProperty("approximateInvokeCount", invokes);
        g.writeEndObject();
        if (lastAnswer != null) {
            g.writeName("responseContext");
            g.writeStartObject();
            g.writeNumberProperty("statusCode", lastAnswer.status());
            g.writeStringProperty("executedVersion", lastAnswer.executedVersion());
            g.writeStringProperty("functionError", lastAnswer.functionError());
            g.writeEndObject();
        }
        g.writeStringProperty("version", "1.0");
        g.writeStringProperty("timestamp", millis(now));
    }

    /** ISO-8601 with exactly three fraction digits, as AWS writes these times. */
    public static String millis(Instant instant) {
        return TIME.format(instant);
    }
}
