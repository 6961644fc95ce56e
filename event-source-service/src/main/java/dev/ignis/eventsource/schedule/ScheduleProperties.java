package dev.ignis.eventsource.schedule;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Schedule rules' settings, under {@code ignis.event-source.schedules}
 * (config/event-source-service.yml).
 *
 * @param enabled whether this replica fires schedule rules at all
 * @param firedTopic the compacted topic of each rule's last fire time; its partitions decide which
 *     replica fires which rule
 * @param asyncTopic where fires go as Event invocations (async-queue-service's queue)
 * @param registryTopic the registry-changes topic: firing waits until the view has read it to its end
 * @param group the consumer group that shares the fired topic's partitions among replicas
 * @param transactionalIdPrefix one transactional producer per fired-topic partition is named
 *     {@code <prefix>-<partition>}, the same on every replica, so a new owner fences the old one
 * @param tick how often due fires are looked for (and the longest a fire waits past its time)
 * @param minuteLength how long a minute of a {@code rate(…)} expression lasts: one minute, except in
 *     tests, which shorten it (at least one second); cron expressions always use the wall clock
 * @param missedFireGrace a fire time missed by at most this much (a replica restarting, partitions
 *     moving) still fires, late; older ones are skipped, as EventBridge does not catch up
 * @param requirePermission invoke a target only when its function's resource policy lets
 *     {@code events.amazonaws.com} invoke it from this rule (AddPermission), as AWS requires
 */
@Validated
@ConfigurationProperties("ignis.event-source.schedules")
public record ScheduleProperties(
        @DefaultValue("true") boolean enabled,
        @NotBlank String firedTopic,
        @NotBlank String asyncTopic,
        @NotBlank String registryTopic,
        @DefaultValue("ignis-event-source-schedules") @NotBlank String group,
        @DefaultValue("ignis-schedules") @NotBlank String transactionalIdPrefix,
        @DefaultValue("250ms") @NotNull Duration tick,
        @DefaultValue("1m") @NotNull Duration minuteLength,
        @DefaultValue("2m") @NotNull Duration missedFireGrace,
        @DefaultValue("true") boolean requirePermission) {

    public ScheduleProperties {
        if (minuteLength != null && minuteLength.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ignis.event-source.schedules.minute-length must be at least 1s");
        }
    }
}
