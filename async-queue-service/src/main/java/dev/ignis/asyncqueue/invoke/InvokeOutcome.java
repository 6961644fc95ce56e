package dev.ignis.asyncqueue.invoke;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.error.Retriability;

/** What one synchronous try of an event came to. */
public sealed interface InvokeOutcome {

    /** The HTTP status the Invoke API answered with. */
    int statusCode();

    /**
     * The function ran: {@code functionError} is null when it succeeded, else {@code Unhandled}
     * and {@code body} is the error the runtime reported.
     */
    record Ran(String executedVersion, byte[] body, String functionError) implements InvokeOutcome {
        @Override
        public int statusCode() {
            return 200;
        }

        public boolean failed() {
            return functionError != null;
        }
    }

    /** The platform did not run the function: a throttle, a platform error, or a permanent refusal. */
    record Refused(int statusCode, String errorType, String message, Retriability retriability)
            implements InvokeOutcome {

        public static Refused of(LambdaErrorType type, String message) {
            return new Refused(type.httpStatus(), type.code(), message, type.retriability());
        }
    }
}
