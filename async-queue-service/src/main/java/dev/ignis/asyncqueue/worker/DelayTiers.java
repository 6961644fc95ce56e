package dev.ignis.asyncqueue.worker;

import dev.ignis.asyncqueue.config.AsyncQueueProperties.DelayTier;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the delayed-retry topic for a wait: the longest tier not longer than the wait (the
 * shortest tier for a shorter one). Every event in a tier waits about as long as the others, so
 * the one at the head of a partition is always the next due and waiting on it holds up no one;
 * an event never waits in the queue topic itself.
 */
public final class DelayTiers {

    private final List<DelayTier> tiers;

    public DelayTiers(List<DelayTier> tiers) {
        this.tiers =
                tiers.stream().sorted(Comparator.comparing(DelayTier::delay)).toList();
    }

    public String topicFor(Duration wait) {
        DelayTier chosen = tiers.getFirst();
        for (DelayTier tier : tiers) {
            if (tier.delay().compareTo(wait) <= 0) {
                chosen = tier;
            }
        }
        return chosen.topic();
    }

    public List<String> topics() {
        return tiers.stream().map(DelayTier::topic).toList();
    }
}
