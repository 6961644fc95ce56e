package dev.ignis.invocation.runtimeapi;

/**
 * What one execution environment does with the Runtime API calls of its runtime. The server
 * speaks HTTP; an implementation owns the semantics (which request is current, what a late or
 * unknown request id means).
 */
public interface RuntimeApi {

    /** Blocks until an event is handed to this environment; the first call also ends init. */
    NextEvent awaitNext() throws InterruptedException;

    Ack response(String requestId, byte[] body);

    /** The runtime's answer was over the response limit; the invoke fails as the function's. */
    Ack responseTooLarge(String requestId);

    Ack error(String requestId, String errorType, byte[] body);

    Ack initError(String errorType, byte[] body);

    /** An event as {@code /next} delivers it, with the values of its {@code Lambda-Runtime-*} headers. */
    record NextEvent(
            String requestId,
            long deadlineEpochMs,
            String invokedFunctionArn,
            String traceId,
            String clientContext,
            String cognitoIdentity,
            byte[] payload) {}

    /** The Runtime API's answer to a POST: 202 accepted, or the error AWS's API gives. */
    record Ack(int status, String errorType, String errorMessage) {

        public static final Ack ACCEPTED = new Ack(202, null, null);

        public static Ack invalidRequestId(String requestId) {
            return new Ack(400, "InvalidRequestID", "Invalid request ID: " + requestId);
        }

        public static Ack invalidStateTransition(String message) {
            return new Ack(403, "InvalidStateTransition", message);
        }
    }
}
