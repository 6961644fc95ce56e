package dev.ignis.eventsource.catalog;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;

/** Told of every event source mapping change the registry view reads, in topic order. */
public interface MappingChangeListener {

    /**
     * @param mappingArn the record key
     * @param sequence the registry's commit sequence; a listener ignores what is not newer than it has
     * @param mapping the new state, or null once the mapping is deleted
     */
    void onMapping(String mappingArn, long sequence, EventSourceMappingSnapshot mapping);
}
