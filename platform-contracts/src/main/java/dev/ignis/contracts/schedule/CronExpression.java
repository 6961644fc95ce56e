package dev.ignis.contracts.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronConstraintsFactory;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.field.expression.QuestionMark;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)} as EventBridge reads it (rules in UTC,
 * schedules in their time zone):
 * six fields, the year included; {@code ?} in exactly one of day-of-month and day-of-week;
 * {@code , - * /} everywhere, {@code L W} in day-of-month, {@code L #} in day-of-week; months
 * 1–12 or JAN–DEC, days of the week 1–7 or SUN–SAT (1 = Sunday); years 1970–2199.
 *
 * <p>Parsed and evaluated by cron-utils on a definition built for AWS's fields (its Quartz one
 * has seconds and makes the year optional, which AWS does not allow).
 */
public final class CronExpression implements ScheduleExpression {

    /** Six single-space-separated fields inside {@code cron(…)}, nothing around them. */
    private static final Pattern SHAPE = Pattern.compile("cron\\((\\S+(?: \\S+){5})\\)");

    private static final CronDefinition AWS = CronDefinitionBuilder.defineCron()
            .withMinutes()
            .withValidRange(0, 59)
            .withStrictRange()
            .and()
            .withHours()
            .withValidRange(0, 23)
            .withStrictRange()
            .and()
            .withDayOfMonth()
            .withValidRange(1, 31)
            .supportsL()
            .supportsW()
            .supportsLW()
            .supportsQuestionMark()
            .withStrictRange()
            .and()
            .withMonth()
            .withValidRange(1, 12)
            .withStrictRange()
            .and()
            .withDayOfWeek()
            .withValidRange(1, 7)
            .withMondayDoWValue(2)
            .supportsHash()
            .supportsL()
            .supportsQuestionMark()
            .withStrictRange()
            .and()
            .withYear()
            .withValidRange(1970, 2199)
            .withStrictRange()
            .and()
            .withCronValidation(CronConstraintsFactory.ensureEitherDayOfWeekOrDayOfMonth())
            .instance();

    private static final CronParser PARSER = new CronParser(AWS);

    private final String text;
    private final ExecutionTime times;

    private CronExpression(String text, Cron cron) {
        this.text = text;
        this.times = ExecutionTime.forCron(cron);
    }

    static CronExpression parse(String text) {
        var shape = SHAPE.matcher(text);
        if (!shape.matches()) {
            throw new InvalidScheduleExpressionException(text);
        }
        try {
            Cron cron = PARSER.parse(shape.group(1)).validate();
            boolean dayOfMonthAsked = cron.retrieve(CronFieldName.DAY_OF_MONTH).getExpression() instanceof QuestionMark;
            boolean dayOfWeekAsked = cron.retrieve(CronFieldName.DAY_OF_WEEK).getExpression() instanceof QuestionMark;
            if (dayOfMonthAsked == dayOfWeekAsked) {
                throw new InvalidScheduleExpressionException(text);
            }
            return new CronExpression(text, cron);
        } catch (IllegalArgumentException e) {
            throw new InvalidScheduleExpressionException(text);
        }
    }

    @Override
    public String text() {
        return text;
    }

    /** A cron expression fires at most once a minute, so this many candidates always pass a DST change. */
    private static final int MAX_CANDIDATES = 1_000;

    @Override
    public Optional<Instant> nextAfter(Instant after, Instant anchor, ZoneId zone) {
        ZonedDateTime cursor = after.atZone(zone);
        for (int i = 0; i < MAX_CANDIDATES; i++) {
            Optional<ZonedDateTime> next = times.nextExecution(cursor);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            ZonedDateTime candidate = next.get();
            if (existsOnce(candidate)) {
                return Optional.of(candidate.toInstant());
            }
            cursor = candidate;
        }
        return Optional.empty();
    }

    /**
     * False for a time cron-utils moved out of a spring-forward gap (its wall time is not one the
     * expression names) and for the second pass of a wall time repeated in autumn.
     */
    private boolean existsOnce(ZonedDateTime candidate) {
        if (!times.isMatch(candidate)) {
            return false;
        }
        return candidate.withEarlierOffsetAtOverlap().getOffset().equals(candidate.getOffset());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronExpression cron && cron.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
