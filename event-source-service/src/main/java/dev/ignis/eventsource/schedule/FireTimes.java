package dev.ignis.eventsource.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which fire time of a rule or schedule is due next: pure, over it, its last fire and the clock.
 *
 * <p>A fire time counts only if it is after the last one fired and after it began to fire
 * (created, expression changed, enabled). One missed by more than the grace window is skipped: the
 * next time considered is then the first one inside the window.
 */
final class FireTimes {

    /** The next fire time; {@code skippedBefore} when older ones were missed past the grace window. */
    record Next(Instant at, boolean skippedBefore) {}

    private final Duration grace;

    FireTimes(Duration grace) {
        this.grace = grace;
    }

    /**
     * @param lastFired its last fire time, or null if it never fired
     */
    Optional<Next> next(Scheduled scheduled, Instant lastFired, Instant now) {
        Instant after = scheduled.activeSince();
        if (lastFired != null && lastFired.isAfter(after)) {
            after = lastFired;
        }
        Optional<Instant> natural = scheduled.nextAfter(after);
        Instant oldest = now.minus(grace);
        if (natural.isEmpty() || !natural.get().isBefore(oldest)) {
            return natural.map(at -> new Next(at, false));
        }
        return scheduled.nextAfter(oldest.minusMillis(1)).map(at -> new Next(at, true));
    }
}
