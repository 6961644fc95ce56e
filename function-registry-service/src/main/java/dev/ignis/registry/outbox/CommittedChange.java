package dev.ignis.registry.outbox;

import dev.ignis.contracts.registry.ResourceType;

/**
 * A change this registry committed: what a writer waits for the data plane to serve.
 *
 * @param key the registry-changes record key
 * @param sequence its sequence (the outbox id)
 * @param tombstone whether it deleted the resource
 */
public record CommittedChange(ResourceType type, String key, long sequence, boolean tombstone) {}
