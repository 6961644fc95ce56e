package dev.ignis.invocation.invoke;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Request ids in the UUID v4 form Lambda uses. They need to be unique, not unguessable, so they
 * come from a thread-local generator rather than {@link UUID#randomUUID()}'s SecureRandom, which
 * showed up in profiles of the warm invoke.
 */
final class RequestIds {

    private RequestIds() {}

    private static final Pattern FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A platform caller's id if it has the form Lambda's have, else null (a new one is drawn). */
    static String chosen(String header) {
        return header != null && FORM.matcher(header).matches() ? header : null;
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
