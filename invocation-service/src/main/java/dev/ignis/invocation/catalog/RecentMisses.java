package dev.ignis.invocation.catalog;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Functions the registry did not know a moment ago: an invoke of one answers 404 from here for
 * {@code ttl} instead of asking the registry again, so a caller looping over an unknown name costs
 * the registry one request per name per {@code ttl}. The view is always asked first, so a function
 * created meanwhile is served as soon as its change arrives. Bounded: full, it forgets everything.
 */
final class RecentMisses {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Long> expiresAt = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    RecentMisses(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    boolean contains(String key) {
        Long until = expiresAt.get(key);
        if (until == null) {
            return false;
        }
        if (until < clock.millis()) {
            expiresAt.remove(key, until);
            return false;
        }
        return true;
    }

    void add(String key) {
        if (ttl.isZero()) {
            return;
        }
        if (expiresAt.size() >= MAX_ENTRIES) {
            expiresAt.clear();
        }
        expiresAt.put(key, clock.millis() + ttl.toMillis());
    }
}
