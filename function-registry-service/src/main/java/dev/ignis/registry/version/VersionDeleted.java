package dev.ignis.registry.version;

/** One published version was deleted, inside the deleting transaction (its provisioned concurrency goes too). */
public record VersionDeleted(String functionName, String version) {}
