package dev.ignis.registry.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A committed change waiting to be published; its id is the change's sequence number. */
@Entity
@Table(name = "outbox")
public class OutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "resource_type", nullable = false)
    private String resourceType;

    @Column(name = "record_key", nullable = false)
    private String recordKey;

    /** The JSON value, or null for a tombstone. */
    @Column(name = "payload", length = 1_000_000)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OutboxEntry() {}

    OutboxEntry(String resourceType, String recordKey, String payload, Instant createdAt) {
        this.resourceType = resourceType;
        this.recordKey = recordKey;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String resourceType() {
        return resourceType;
    }

    public String recordKey() {
        return recordKey;
    }

    public String payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Set once the value is known: the snapshot carries the sequence, which is this row's id. */
    void payload(String json) {
        this.payload = json;
    }
}
