package dev.ignis.contracts.invocation;

import java.time.Instant;
import java.util.Objects;

/**
 * An {@code Event} invocation as it waits on the async topic: accepted once, then tried until it
 * succeeds, runs out of retries or grows too old.
 *
 * @param requestId the id returned to the caller with the 202
 * @param functionArn the function as addressed, qualified when the caller gave a qualifier
 * @param payload the event body, already validated as JSON, as its JSON text; on the topic it is
 *     embedded as the JSON value it is (a service's mapper writes it raw), never base64 or a
 *     quoted string, so no hop or retry inflates it
 * @param clientContextBase64 the caller's {@code X-Amz-Client-Context}, or null
 * @param traceId the {@code X-Amzn-Trace-Id} to propagate, or null
 * @param receivedAt when the platform accepted it; the event's age counts from here
 * @param attempt 1 for the first try, then one more per retry
 */
public record AsyncInvocation(
        String requestId,
        String functionArn,
        String payload,
        String clientContextBase64,
        String traceId,
        Instant receivedAt,
        int attempt) {

    public AsyncInvocation {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(functionArn, "functionArn");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1");
        }
    }

    public AsyncInvocation nextAttempt() {
        return new AsyncInvocation(
                requestId, functionArn, payload, clientContextBase64, traceId, receivedAt, attempt + 1);
    }
}
