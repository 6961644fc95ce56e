package dev.ignis.contracts.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * An EventBridge rule's or EventBridge Scheduler schedule's {@code ScheduleExpression}:
 * {@code rate(value unit)}, {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)} and, for
 * schedules only, {@code at(yyyy-mm-ddThh:mm:ss)}, read exactly as AWS reads them; rules in UTC,
 * schedules in their time zone. The registry refuses what {@link #parse} / {@link #parseForScheduler}
 * refuse; event-source-service fires at the times {@link #nextAfter} gives, so both ends agree on
 * what a rule or schedule means.
 */
public sealed interface ScheduleExpression permits RateExpression, CronExpression, AtExpression {

    /** AWS's limit on the expression's length. */
    int MAX_LENGTH = 256;

    /** The expression as the user wrote it (and as DescribeRule shows it). */
    String text();

    /**
     * The first fire time strictly after {@code after}, or empty when there is none (a cron
     * expression whose years are all past).
     *
     * @param anchor when the expression was set: a rate counts its periods from there (truncated to
     *     its minute), a cron expression ignores it
     */
    default Optional<Instant> nextAfter(Instant after, Instant anchor) {
        return nextAfter(after, anchor, ZoneOffset.UTC);
    }

    /**
     * The same, with cron and at expressions read in {@code zone} (a rate is a fixed duration, whatever
     * the zone). Across a daylight-saving change, as EventBridge Scheduler documents: a local time the
     * clocks skip in spring does not fire, a local time they repeat in autumn fires once (the first time).
     */
    Optional<Instant> nextAfter(Instant after, Instant anchor, ZoneId zone);

    /** Reads an expression, or throws what AWS answers with "Parameter ScheduleExpression is not valid.". */
    static ScheduleExpression parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            throw new InvalidScheduleExpressionException(text);
        }
        if (text.startsWith("rate(")) {
            return RateExpression.parse(text);
        }
        if (text.startsWith("cron(")) {
            return CronExpression.parse(text);
        }
        throw new InvalidScheduleExpressionException(text);
    }

    /** What EventBridge Scheduler accepts: a rule's expressions and one-time {@code at(…)}. */
    static ScheduleExpression parseForScheduler(String text) {
        if (text != null && text.startsWith("at(")) {
            return AtExpression.parse(text);
        }
        return parse(text);
    }

    static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidScheduleExpressionException e) {
            return false;
        }
    }
}
