package dev.ignis.gateway.body;

/** A body reached its operation's limit; answered 413 RequestTooLargeException with AWS's wording. */
public final class BodyTooLargeException extends RuntimeException {

    private final transient BodyLimits.Limit limit;

    public BodyTooLargeException(BodyLimits.Limit limit) {
        super(limit.message(), null, false, false);
        this.limit = limit;
    }

    public BodyLimits.Limit limit() {
        return limit;
    }
}
