package dev.ignis.registry.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The newest change of one record key, kept after the outbox row is published: what the
 * read-through endpoint answers a view that missed it. A tombstone removes the row.
 */
@Entity
@Table(name = "registry_state")
class LatestChange {

    @Id
    @Column(name = "record_key", length = 512)
    private String recordKey;

    @Column(name = "resource_type", nullable = false, length = 64)
    private String resourceType;

    @Column(name = "change_sequence", nullable = false)
    private long sequence;

    @Column(name = "payload", nullable = false, length = 1_000_000)
    private String payload;

    protected LatestChange() {}

    LatestChange(String recordKey) {
        this.recordKey = recordKey;
    }

    void update(String resourceType, long sequence, String payload) {
        this.resourceType = resourceType;
        this.sequence = sequence;
        this.payload = payload;
    }

    String resourceType() {
        return resourceType;
    }

    long sequence() {
        return sequence;
    }

    String payload() {
        return payload;
    }
}
