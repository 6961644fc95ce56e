package dev.ignis.registry.scheduler;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A schedule in the default group; its target is one JSON document, read and written whole. */
@Entity
@Table(name = "schedule")
class ScheduleEntity {

    @Id
    @Column(length = 64)
    String name;

    @Column(name = "group_name", nullable = false, length = 64)
    String groupName;

    @Column(name = "schedule_expression", nullable = false, length = 256)
    String scheduleExpression;

    @Column(nullable = false, length = 50)
    String timezone;

    @Column(name = "start_date")
    Instant startDate;

    @Column(name = "end_date")
    Instant endDate;

    @Column(nullable = false, length = 16)
    String state;

    @Column(length = 512)
    String description;

    @Column(name = "flexible_mode", nullable = false, length = 16)
    String flexibleMode;

    @Column(name = "flexible_window_minutes")
    Integer flexibleWindowMinutes;

    /** {@code ScheduleSnapshot.Target} as JSON. */
    @Column(nullable = false, length = 300_000)
    String target;

    @Column(name = "action_after_completion", nullable = false, length = 16)
    String actionAfterCompletion;

    @Column(name = "client_token", length = 64)
    String clientToken;

    @Column(name = "scheduled_since", nullable = false)
    Instant scheduledSince;

    @Column(name = "active_since", nullable = false)
    Instant activeSince;

    @Column(name = "creation_date", nullable = false)
    Instant creationDate;

    @Column(name = "last_modified", nullable = false)
    Instant lastModified;

    @Version
    long entityVersion;
}
