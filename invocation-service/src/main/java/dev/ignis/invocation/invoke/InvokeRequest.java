package dev.ignis.invocation.invoke;

import dev.ignis.contracts.arn.FunctionRef;

/**
 * An Invoke API call after parsing: which function, how, and with what.
 *
 * @param clientContext the base64 {@code X-Amz-Client-Context}, decoded to JSON text, or null
 * @param payload the event, read only once the function is found and the call admitted: a caller of
 *     an unknown or throttled function never makes the service read (and hold) up to 6 MB
 * @param requestId the id a platform caller chose (an async event keeps its 202's id), or null for a new one
 */
public record InvokeRequest(
        FunctionRef function,
        InvocationType type,
        boolean tail,
        String clientContext,
        String traceId,
        Payload payload,
        String requestId) {

    /** The request body, read on demand; it may throw the Invoke API's own errors (413, bad JSON). */
    @FunctionalInterface
    public interface Payload {
        byte[] read();
    }

    public enum InvocationType {
        REQUEST_RESPONSE,
        EVENT,
        DRY_RUN;

        static InvocationType of(String header) {
            if (header == null || header.isEmpty() || header.equals("RequestResponse")) {
                return REQUEST_RESPONSE;
            }
            return switch (header) {
                case "Event" -> EVENT;
                case "DryRun" -> DRY_RUN;
                default ->
                    throw InvokeException.validation("1 validation error detected: Value '" + header
                            + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: "
                            + "[Event, RequestResponse, DryRun]");
            };
        }
    }
}
