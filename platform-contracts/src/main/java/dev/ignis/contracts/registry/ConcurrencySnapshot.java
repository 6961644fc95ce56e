package dev.ignis.contracts.registry;

/**
 * A function's reserved concurrency (PutFunctionConcurrency). Key: unqualified function ARN +
 * {@code #concurrency}; a tombstone means the reservation was removed (the function draws from
 * the unreserved pool again).
 *
 * @param functionArn the unqualified function ARN
 * @param reservedConcurrentExecutions 0 throttles every invoke
 */
public record ConcurrencySnapshot(String functionArn, int reservedConcurrentExecutions) {}
