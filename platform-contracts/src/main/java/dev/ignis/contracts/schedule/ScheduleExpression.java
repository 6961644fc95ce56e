package dev.ignis.contracts.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * An EventBridge rule's {@code ScheduleExpression}: {@code rate(value unit)} or
 * {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)}, in UTC, read exactly as AWS reads
 * it. The registry refuses what {@link #parse} refuses; event-source-service fires at the times
 * {@link #nextAfter} gives, so both ends agree on what a rule means.
 */
public sealed interface ScheduleExpression permits RateExpression, CronExpression {

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
    Optional<Instant> nextAfter(Instant after, Instant anchor);

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

    static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidScheduleExpressionException e) {
            return false;
        }
    }
}
