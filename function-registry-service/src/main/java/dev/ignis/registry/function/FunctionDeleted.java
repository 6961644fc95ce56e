package dev.ignis.registry.function;

/**
 * A function was deleted, inside the deleting transaction: whatever belongs to it (versions,
 * aliases, concurrency settings) is removed by its own feature, with its own tombstones.
 */
public record FunctionDeleted(String functionName, String functionArn) {}
