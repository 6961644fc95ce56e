package dev.ignis.eventsource.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which fire time of a rule is due next: pure, over the rule, its last fire and the clock.
 *
 * <p>A fire time counts only if it is after the last one fired and after the rule began to fire
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
     * @param lastFired the rule's last fire time, or null if it never fired
     */
    Optional<Next> next(ScheduledRule rule, Instant lastFired, Instant now) {
        Instant after = rule.rule().activeSince();
        if (lastFired != null && lastFired.isAfter(after)) {
            after = lastFired;
        }
        Optional<Instant> natural =
                rule.expression().nextAfter(after, rule.rule().scheduledSince());
        Instant oldest = now.minus(grace);
        if (natural.isEmpty() || !natural.get().isBefore(oldest)) {
            return natural.map(at -> new Next(at, false));
        }
        return rule.expression()
                .nextAfter(oldest.minusMillis(1), rule.rule().scheduledSince())
                .map(at -> new Next(at, true));
    }
}
