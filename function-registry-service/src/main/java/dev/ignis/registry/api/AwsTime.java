package dev.ignis.registry.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** AWS's LastModified: milliseconds and a numeric offset without a colon ({@code 2024-01-31T12:00:00.000+0000}). */
public final class AwsTime {

    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private AwsTime() {}

    public static String format(Instant instant) {
        return LAST_MODIFIED.format(instant);
    }
}
