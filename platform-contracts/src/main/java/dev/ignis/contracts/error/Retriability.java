package dev.ignis.contracts.error;

/**
 * Whether repeating the same request can succeed. Resilience4j retry predicates and the async
 * retry / dead-letter policy key on this, never on exception classes.
 */
public enum Retriability {
    /** The same request will fail the same way. */
    PERMANENT,
    /** Capacity or a dependency may free up: retry with back-off. */
    TRANSIENT,
    /** A function error: retried only as far as the function's retry budget allows. */
    FUNCTION_BUDGET
}
