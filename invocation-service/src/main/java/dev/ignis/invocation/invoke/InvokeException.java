package dev.ignis.invocation.invoke;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.error.ThrottleReason;

/** A service error of the Invoke API: AWS's type, status and message, plus a throttle's Reason. */
public final class InvokeException extends RuntimeException {

    private final LambdaErrorType type;
    private final ThrottleReason reason;

    InvokeException(LambdaErrorType type, String message, ThrottleReason reason) {
        super(message, null, false, false);
        this.type = type;
        this.reason = reason;
    }

    public LambdaErrorType type() {
        return type;
    }

    public ThrottleReason reason() {
        return reason;
    }

    static InvokeException of(LambdaErrorType type, String message) {
        return new InvokeException(type, message, null);
    }

    static InvokeException validation(String message) {
        return of(LambdaErrorType.VALIDATION, message);
    }

    static InvokeException throttled(ThrottleReason reason) {
        return new InvokeException(LambdaErrorType.TOO_MANY_REQUESTS, "Rate Exceeded.", reason);
    }
}
