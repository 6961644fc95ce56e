package dev.ignis.contracts.error;

/** Who is at fault for a failure; decides the status class and whether a retry can help. */
public enum Fault {
    /** The caller sent something wrong: a 4xx, answered with {@code "Type":"User"}. */
    CLIENT,
    /** The function failed: still HTTP 200, with {@code X-Amz-Function-Error}. */
    FUNCTION,
    /** Ignis failed: a 5xx, answered with {@code "Type":"Service"}. */
    PLATFORM
}
