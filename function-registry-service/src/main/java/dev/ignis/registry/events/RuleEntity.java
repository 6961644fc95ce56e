package dev.ignis.registry.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A schedule rule on the default event bus; its targets are one JSON list, read and written whole. */
@Entity
@Table(name = "event_rule")
class RuleEntity {

    @Id
    @Column(length = 64)
    String name;

    @Column(name = "schedule_expression", nullable = false, length = 256)
    String scheduleExpression;

    @Column(nullable = false, length = 16)
    String state;

    @Column(length = 512)
    String description;

    @Column(name = "role_arn", length = 1600)
    String roleArn;

    /** {@code EventRuleSnapshot.Target}s as JSON, in the order they were added. */
    @Column(nullable = false, length = 65_536)
    String targets;

    @Column(name = "scheduled_since", nullable = false)
    Instant scheduledSince;

    @Column(name = "active_since", nullable = false)
    Instant activeSince;

    @Column(name = "last_modified", nullable = false)
    Instant lastModified;

    @Version
    long entityVersion;
}
