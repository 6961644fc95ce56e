package dev.ignis.registry.function;

import java.util.OptionalInt;

/** A function's reserved concurrency, for GetFunction's {@code Concurrency}; implemented by the concurrency feature. */
public interface ConcurrencyLookup {

    OptionalInt reservedConcurrency(String functionName);
}
