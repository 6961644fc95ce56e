package dev.ignis.registry.alias;

/** An alias was deleted, inside the deleting transaction (its provisioned concurrency goes too). */
public record AliasDeleted(String functionName, String alias) {}
