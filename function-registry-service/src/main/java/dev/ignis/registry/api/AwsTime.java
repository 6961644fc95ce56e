package dev.ignis.registry.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * AWS's two timestamp strings: a function's LastModified has milliseconds and a numeric offset
 * without a colon ({@code 2024-01-31T12:00:00.000+0000}); a function URL's CreationTime and
 * LastModifiedTime are ISO-8601 with microseconds and {@code Z} ({@code 2024-01-31T12:00:00.000000Z}).
 */
public final class AwsTime {

    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AwsTime() {}

    public static String format(Instant instant) {
        return LAST_MODIFIED.format(instant);
    }

    public static String isoMicros(Instant instant) {
        return ISO_MICROS.format(instant);
    }
}
