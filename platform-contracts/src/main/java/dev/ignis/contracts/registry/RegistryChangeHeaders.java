package dev.ignis.contracts.registry;

/**
 * Kafka headers on every registry-changes record, tombstones included, so that a consumer knows
 * what a key names even when the value is gone.
 */
public final class RegistryChangeHeaders {

    /** The {@link ResourceType} name. */
    public static final String RESOURCE_TYPE = "ignis-resource-type";

    /** The registry's commit sequence number (the outbox id), increasing per registry database. */
    public static final String SEQUENCE = "ignis-change-sequence";

    /**
     * The registry database's generation (its creation time, epoch milliseconds): sequences compare
     * only within one generation ({@link RegistryGenerations}).
     */
    public static final String GENERATION = "ignis-registry-generation";

    private RegistryChangeHeaders() {}
}
