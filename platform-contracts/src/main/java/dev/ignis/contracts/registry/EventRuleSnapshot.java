package dev.ignis.contracts.registry;

import java.time.Instant;
import java.util.List;

/**
 * An EventBridge rule on the default bus, as event-source-service fires it. Key: the rule ARN
 * ({@code arn:aws:events:<region>:<account>:rule/<name>}); a tombstone means it was deleted. Ignis
 * keeps schedule rules only, so {@code scheduleExpression} is always set (see
 * {@code dev.ignis.contracts.schedule.ScheduleExpression}).
 *
 * @param state {@code ENABLED} or {@code DISABLED}
 * @param targets in the order PutTargets added them; at most five, as on AWS
 * @param scheduledSince when the schedule expression was last set: a rate counts its periods from here
 * @param activeSince when the rule last began to fire (created, its expression changed, or enabled):
 *     no fire time at or before it is due
 * @param lastModified the last change a user made
 */
public record EventRuleSnapshot(
        String name,
        String ruleArn,
        String eventBusName,
        String scheduleExpression,
        String state,
        String description,
        List<Target> targets,
        Instant scheduledSince,
        Instant activeSince,
        Instant lastModified) {

    public static final String ENABLED = "ENABLED";
    public static final String DISABLED = "DISABLED";

    public EventRuleSnapshot {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /**
     * One PutTargets entry: a Lambda function (qualified or not) and the event it gets.
     *
     * @param input the target's {@code Input}: JSON sent verbatim instead of the Scheduled Event; null when unset
     */
    public record Target(String id, String arn, String input) {}
}
