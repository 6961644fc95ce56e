package dev.ignis.contracts.registry;

import java.util.Map;

/**
 * An alias and its weighted routing: {@code functionVersion} takes whatever weight the
 * {@code additionalVersionWeights} leave.
 */
public record AliasSnapshot(
        String name,
        String aliasArn,
        String functionName,
        String functionVersion,
        Map<String, Double> additionalVersionWeights,
        String description,
        String revisionId) {

    public AliasSnapshot {
        additionalVersionWeights = additionalVersionWeights == null ? Map.of() : Map.copyOf(additionalVersionWeights);
    }
}
