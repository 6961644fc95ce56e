package dev.ignis.asyncqueue.ingest;

import dev.ignis.contracts.error.LambdaErrorType;

/** An {@code Event} invoke refused before anything was queued: AWS's type, status and message. */
public final class IngestException extends RuntimeException {

    private final LambdaErrorType type;

    public IngestException(LambdaErrorType type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    public LambdaErrorType type() {
        return type;
    }
}
