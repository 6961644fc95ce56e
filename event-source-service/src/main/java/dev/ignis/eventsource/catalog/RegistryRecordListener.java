package dev.ignis.eventsource.catalog;

import dev.ignis.contracts.registry.RegistryRecord;

/**
 * Told of every record the registry view applies, of any resource type, in topic order (what
 * {@link MappingChangeListener} is for mappings, for everything else: schedule rules, policies).
 */
public interface RegistryRecordListener {

    /** One applied record; a tombstone means the resource is gone. Never called concurrently. */
    void onRecord(RegistryRecord record);

    /** The registry's database was reset: forget every resource applied so far. */
    default void onReset() {}
}
