package dev.ignis.contracts.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code at(yyyy-mm-ddThh:mm:ss)}: EventBridge Scheduler's one-time schedule, a wall-clock time in
 * the schedule's zone, no offset or {@code Z} (AWS refuses {@code at(2021-12-31T23:59:59Z)}).
 *
 * <p>A wall time that a spring-forward gap skips is read as Java resolves it (moved forward by the
 * gap), so a one-time schedule still fires once; AWS documents the gap for cron expressions only.
 *
 * @param time the wall time as written
 */
public record AtExpression(String text, LocalDateTime time) implements ScheduleExpression {

    private static final Pattern SHAPE = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    static AtExpression parse(String text) {
        var shape = SHAPE.matcher(text);
        if (!shape.matches()) {
            throw new InvalidScheduleExpressionException(text);
        }
        try {
            return new AtExpression(text, LocalDateTime.parse(shape.group(1), TIME));
        } catch (DateTimeParseException e) {
            throw new InvalidScheduleExpressionException(text);
        }
    }

    /** The one instant this expression names in {@code zone}. */
    public Instant at(ZoneId zone) {
        return time.atZone(zone).toInstant();
    }

    @Override
    public Optional<Instant> nextAfter(Instant after, Instant anchor, ZoneId zone) {
        Instant at = at(zone);
        return at.isAfter(after) ? Optional.of(at) : Optional.empty();
    }
}
