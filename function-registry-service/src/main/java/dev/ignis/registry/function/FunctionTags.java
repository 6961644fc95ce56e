package dev.ignis.registry.function;

import java.util.Map;

/**
 * A function's tags, for CreateFunction's {@code Tags} and GetFunction's answer; implemented by
 * the tags feature.
 *
 * <p>Contract: both methods run in the caller's transaction; {@link #tagNew} checks the tags as
 * TagResource does and throws the same AWS errors, so a refused tag rolls the creation back.
 */
public interface FunctionTags {

    /** Stores the tags a new function was created with (none when null or empty). */
    void tagNew(String functionName, Map<String, String> tags);

    /** The function's tags, empty when it has none. */
    Map<String, String> tagsOf(String functionName);
}
