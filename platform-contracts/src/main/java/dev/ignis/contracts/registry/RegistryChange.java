package dev.ignis.contracts.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * The value of a registry-changes record: the full state of one resource right after a committed
 * change. A delete is a tombstone (a null value) instead, carrying the same headers.
 *
 * @param sequence the registry's commit sequence, for ordering and de-duplication
 * @param type what kind of resource {@code snapshot} is
 * @param arn the resource's ARN (for a sub-resource, the ARN of what it belongs to)
 * @param revisionId the Lambda {@code RevisionId} of this state
 * @param committedAt when the registry committed it
 * @param snapshot the resource state; its record type is given by {@code type}
 */
public record RegistryChange<T>(
        long sequence, ResourceType type, String arn, String revisionId, Instant committedAt, T snapshot) {

    public RegistryChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(committedAt, "committedAt");
        Objects.requireNonNull(snapshot, "snapshot");
    }

    /** The Kafka record key this change is published under. */
    public String key() {
        return type.keyFor(arn);
    }
}
