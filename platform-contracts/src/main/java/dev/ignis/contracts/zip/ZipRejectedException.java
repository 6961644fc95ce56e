package dev.ignis.contracts.zip;

/** A package the one ZIP rule refuses, and why. */
public final class ZipRejectedException extends Exception {

    /** Why, so that each side can say it in its own words (the registry in AWS's). */
    public enum Reason {
        CORRUPT,
        TOO_MANY_ENTRIES,
        TOO_LARGE,
        RATIO,
        OUTSIDE_ROOT,
        SYMLINK
    }

    private final Reason reason;

    public ZipRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
