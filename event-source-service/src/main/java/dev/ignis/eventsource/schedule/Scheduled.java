package dev.ignis.eventsource.schedule;

import dev.ignis.contracts.schedule.ScheduleExpression;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the firer fires: an EventBridge rule or an EventBridge Scheduler schedule, two sources of
 * one thing — an ARN (its key on the fired topic), a state, fire times and what one fire delivers.
 * The firer knows nothing else of either.
 */
sealed interface Scheduled permits ScheduledRule, ScheduledSchedule {

    String arn();

    /** The metrics tag: a rule's name, a schedule's {@code <group>/<name>}. */
    String name();

    boolean enabled();

    ScheduleExpression expression();

    /** No fire time at or before this is due. */
    Instant activeSince();

    /** The first fire time strictly after {@code after}, within the source's own bounds; empty when there is none. */
    Optional<Instant> nextAfter(Instant after);

    /** The invocations one fire queues. */
    List<Delivery> deliveries(Fire fire);

    /** Whether the registry is asked to delete it once it cannot fire again (Scheduler's ActionAfterCompletion). */
    boolean deletesAfterCompletion();

    /** One fire: its id (the Scheduled Event's, and the mark's) and scheduled time. */
    record Fire(String eventId, Instant time, String accountId, String region) {}

    /**
     * One invocation of a fire.
     *
     * @param permissionSource the ARN the function's resource policy must let invoke it (a rule's:
     *     EventBridge needs AddPermission), or null when the source invokes with its own role (a schedule)
     */
    record Delivery(String functionArn, String payload, String permissionSource) {}
}
