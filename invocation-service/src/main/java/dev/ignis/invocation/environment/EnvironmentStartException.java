package dev.ignis.invocation.environment;

import dev.ignis.contracts.error.LambdaErrorType;

/** The platform could not start an environment (not the function's fault): a 5xx to the caller. */
public final class EnvironmentStartException extends RuntimeException {

    private final LambdaErrorType type;

    public EnvironmentStartException(LambdaErrorType type, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
    }

    public LambdaErrorType type() {
        return type;
    }
}
