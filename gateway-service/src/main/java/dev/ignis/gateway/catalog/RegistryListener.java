package dev.ignis.gateway.catalog;

import dev.ignis.contracts.registry.RegistryRecord;

/**
 * A feature that keeps its own typed view of some registry resources, fed by {@link RegistryMirror}.
 *
 * <p>Contract: called under the mirror's {@code RegistryFeed}, so only with a change newer than any
 * applied for its key, one at a time; a tombstone means the resource is gone. A listener ignores the
 * resource types it does not keep.
 */
public interface RegistryListener {

    void onChange(RegistryRecord record);

    /**
     * The registry's database was reset (a newer generation arrived, {@code RegistryGenerations}):
     * everything this listener holds describes resources that no longer exist; forget it all.
     */
    default void onReset() {}
}
