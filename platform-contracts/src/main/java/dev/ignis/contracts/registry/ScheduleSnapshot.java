package dev.ignis.contracts.registry;

import java.time.Instant;

/**
 * An EventBridge Scheduler schedule, as event-source-service fires it. Key: the schedule ARN
 * ({@code arn:aws:scheduler:<region>:<account>:schedule/<group>/<name>}); a tombstone means it was
 * deleted. Its target is always a Lambda function (the registry refuses others).
 *
 * @param scheduleExpression {@code rate(…)}, {@code cron(…)} or {@code at(…)} (see
 *     {@code dev.ignis.contracts.schedule.ScheduleExpression#parseForScheduler})
 * @param timezone the IANA zone cron and at expressions are read in; {@code UTC} when the user gave none
 * @param startDate no fire before it; a rate's first fire is at it; null when unset
 * @param endDate no fire after it; null when unset
 * @param state {@code ENABLED} or {@code DISABLED}
 * @param actionAfterCompletion {@code NONE} or {@code DELETE}: delete the schedule once it cannot fire again
 * @param scheduledSince when the expression (or its zone, or StartDate) was last set: a rate without
 *     StartDate counts its periods from here
 * @param activeSince when the schedule last began to fire (created, its times changed, or enabled):
 *     no fire time at or before it is due
 */
public record ScheduleSnapshot(
        String name,
        String groupName,
        String arn,
        String scheduleExpression,
        String timezone,
        Instant startDate,
        Instant endDate,
        String state,
        String description,
        FlexibleTimeWindow flexibleTimeWindow,
        Target target,
        String actionAfterCompletion,
        Instant scheduledSince,
        Instant activeSince,
        Instant creationDate,
        Instant lastModified) {

    public static final String ENABLED = "ENABLED";
    public static final String DISABLED = "DISABLED";
    public static final String DELETE_AFTER_COMPLETION = "DELETE";

    /** {@code OFF}, or {@code FLEXIBLE} with a window of 1–1440 minutes. */
    public record FlexibleTimeWindow(String mode, Integer maximumWindowInMinutes) {}

    /**
     * The Lambda function to invoke and what it gets.
     *
     * @param input sent verbatim as the event; null when unset
     * @param retryPolicy null when unset
     * @param deadLetterArn the SQS queue ARN of {@code DeadLetterConfig}; null when unset
     */
    public record Target(String arn, String roleArn, String input, RetryPolicy retryPolicy, String deadLetterArn) {}

    public record RetryPolicy(Integer maximumEventAgeInSeconds, Integer maximumRetryAttempts) {}
}
