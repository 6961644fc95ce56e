package dev.ignis.registry.eventsource;

import dev.ignis.registry.config.RegistryProperties;
import dev.ignis.registry.worker.BackgroundWorker;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Moves mappings out of their transitional states once they are old enough, each in its own
 * transaction, so every step is a committed change on the topic. It works from the database, so a
 * registry restarted mid-transition finishes the job.
 */
@Component
class StateSettler extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(StateSettler.class);

    private final EventSourceMappingService mappings;
    private final RegistryProperties.EventSourceMappings settings;
    private final Clock clock;

    StateSettler(EventSourceMappingService mappings, RegistryProperties properties, Clock clock) {
        super("mapping-state-settler");
        this.mappings = mappings;
        this.settings = properties.eventSourceMappings();
        this.clock = clock;
    }

    /** Settles every mapping that is due now; what loses a race with a user's change waits for the next round. */
    int settleDue() {
        Instant cutoff = clock.instant().minus(settings.transitionDelay());
        int settled = 0;
        for (long id : mappings.due(cutoff)) {
            try {
                if (mappings.settle(id, cutoff)) {
                    settled++;
                }
            } catch (OptimisticLockingFailureException e) {
                log.debug("Mapping {} changed while settling; next round", id);
            }
        }
        return settled;
    }

    @Override
    protected void loop() {
        while (running()) {
            try {
                settleDue();
                Thread.sleep(settings.pollInterval());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Settling event source mapping states failed: {}", e.getMessage());
                try {
                    Thread.sleep(settings.pollInterval());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
