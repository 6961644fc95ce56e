package dev.ignis.gateway.catalog;

import dev.ignis.contracts.registry.ResourceType;
import java.util.Optional;

/** A feature that keeps its own view of some registry resources, fed by {@link RegistryMirror}. */
public interface RegistryListener {

    /**
     * One change newer than any seen for {@code key}, in topic order.
     *
     * @param value the change's JSON ({@code RegistryChange}), empty for a tombstone
     */
    void onChange(ResourceType type, String key, Optional<byte[]> value);

    /**
     * The registry's database was reset (a newer generation arrived): everything this listener holds
     * describes resources that no longer exist; forget it all. Changes of the new database follow.
     */
    void onReset();
}
