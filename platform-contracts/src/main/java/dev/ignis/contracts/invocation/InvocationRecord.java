package dev.ignis.contracts.invocation;

/**
 * The record Lambda sends to an async destination after the last try, field for field as AWS
 * writes it ({@code version} "1.0").
 *
 * @param timestamp ISO-8601 instant of the outcome
 * @param requestPayload the original event: a parsed JSON tree when it was JSON, else its text
 * @param responsePayload the function's answer or error as a parsed JSON tree, or null
 */
public record InvocationRecord(
        String version,
        String timestamp,
        RequestContext requestContext,
        Object requestPayload,
        ResponseContext responseContext,
        Object responsePayload) {

    public static final String VERSION = "1.0";

    /** How the event ended, in AWS's words. */
    public enum Condition {
        Success,
        RetriesExhausted,
        EventAgeExceeded
    }

    public record RequestContext(
            String requestId, String functionArn, Condition condition, int approximateInvokeCount) {}

    /** @param functionError {@code Unhandled} or null */
    public record ResponseContext(int statusCode, String executedVersion, String functionError) {}
}
