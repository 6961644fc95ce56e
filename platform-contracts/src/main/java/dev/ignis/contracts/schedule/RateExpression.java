package dev.ignis.contracts.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rate(value unit)}: a positive whole number and {@code minute}/{@code hour}/{@code day},
 * singular for 1 and plural otherwise ({@code rate(1 minutes)} and {@code rate(5 minute)} are
 * refused, as AWS refuses them), lower case, one space, nothing around it.
 *
 * <p>The fire times are {@code anchor + k × period} for k ≥ 1, the anchor truncated to its
 * minute: a rule created at 18:00:40 with {@code rate(5 minutes)} first fires at 18:05:00.
 *
 * @param minute how long one minute lasts; {@link Duration#ofMinutes(long) one minute} unless a
 *     test shortened it with {@link #withMinute}
 */
public record RateExpression(String text, long value, Unit unit, Duration minute) implements ScheduleExpression {

    private static final Pattern RATE = Pattern.compile("rate\\(([1-9][0-9]{0,8}) (minute|hour|day)(s?)\\)");

    /** A rate's unit, in minutes. */
    public enum Unit {
        MINUTE(1),
        HOUR(60),
        DAY(24 * 60);

        private final long minutes;

        Unit(long minutes) {
            this.minutes = minutes;
        }
    }

    public RateExpression {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(unit, "unit");
        if (value < 1 || minute.isNegative() || minute.isZero()) {
            throw new IllegalArgumentException("A rate needs a positive value and minute");
        }
    }

    static RateExpression parse(String text) {
        Matcher m = RATE.matcher(text);
        if (!m.matches()) {
            throw new InvalidScheduleExpressionException(text);
        }
        long value = Long.parseLong(m.group(1));
        boolean plural = !m.group(3).isEmpty();
        if (plural != (value != 1)) {
            throw new InvalidScheduleExpressionException(text);
        }
        return new RateExpression(text, value, Unit.valueOf(m.group(2).toUpperCase()), Duration.ofMinutes(1));
    }

    /** The same rate with minutes of another length: tests fire {@code rate(1 minute)} every second. */
    public RateExpression withMinute(Duration length) {
        return new RateExpression(text, value, unit, length);
    }

    /** The time between two fires. */
    public Duration period() {
        return minute.multipliedBy(value * unit.minutes);
    }

    @Override
    public Optional<Instant> nextAfter(Instant after, Instant anchor, ZoneId zone) {
        long minuteMillis = minute.toMillis();
        long start = Math.floorDiv(anchor.toEpochMilli(), minuteMillis) * minuteMillis;
        long period = period().toMillis();
        long elapsed = after.toEpochMilli() - start;
        long periods = elapsed < 0 ? 1 : Math.floorDiv(elapsed, period) + 1;
        return Optional.of(Instant.ofEpochMilli(start + periods * period));
    }
}
