package dev.ignis.eventsource.schedule;

import dev.ignis.contracts.registry.ScheduleSnapshot;
import dev.ignis.contracts.schedule.AtExpression;
import dev.ignis.contracts.schedule.RateExpression;
import dev.ignis.contracts.schedule.ScheduleExpression;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * An EventBridge Scheduler schedule as the registry published it, with its expression and zone read
 * once. As Scheduler documents: cron and at in the schedule's zone; a rate's first fire at StartDate,
 * or at once when there is none; no fire before StartDate or after EndDate (at ignores both); the
 * target gets its Input verbatim, and Scheduler invokes with the schedule's role, so no resource
 * policy is asked.
 */
record ScheduledSchedule(ScheduleSnapshot schedule, ScheduleExpression expression, ZoneId zone) implements Scheduled {

    /** What a Lambda target receives from a schedule without Input. */
    static final String NO_INPUT = "{}";

    @Override
    public String arn() {
        return schedule.arn();
    }

    @Override
    public String name() {
        return schedule.groupName() + "/" + schedule.name();
    }

    @Override
    public boolean enabled() {
        return ScheduleSnapshot.ENABLED.equals(schedule.state());
    }

    /** A millisecond before it began, so a rate without StartDate fires at the instant it was created. */
    @Override
    public Instant activeSince() {
        return schedule.activeSince().minusMillis(1);
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
        if (expression instanceof AtExpression at) {
            return at.nextAfter(after, schedule.scheduledSince(), zone);
        }
        Instant start = schedule.startDate();
        Optional<Instant> next = expression instanceof RateExpression rate
                ? Optional.of(nextRate(rate, after, start != null ? start : schedule.scheduledSince()))
                : expression.nextAfter(
                        start != null && start.isAfter(after) ? start.minusMillis(1) : after,
                        schedule.scheduledSince(),
                        zone);
        return next.filter(t -> schedule.endDate() == null || !t.isAfter(schedule.endDate()));
    }

    /** {@code first + k × period}, k ≥ 0: the first occurrence is the start itself. */
    private static Instant nextRate(RateExpression rate, Instant after, Instant first) {
        if (after.isBefore(first)) {
            return first;
        }
        long period = rate.period().toMillis();
        long periods = (after.toEpochMilli() - first.toEpochMilli()) / period + 1;
        return first.plusMillis(periods * period);
    }

    @Override
    public List<Delivery> deliveries(Fire fire) {
        ScheduleSnapshot.Target target = schedule.target();
        return List.of(new Delivery(target.arn(), target.input() != null ? target.input() : NO_INPUT, null));
    }

    @Override
    public boolean deletesAfterCompletion() {
        return ScheduleSnapshot.DELETE_AFTER_COMPLETION.equals(schedule.actionAfterCompletion());
    }
}
