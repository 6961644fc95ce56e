package dev.ignis.registry.eventsource;

import dev.ignis.registry.config.RegistryProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Moves mappings out of their transitional states once they are old enough, each in its own
 * transaction, so every step is a committed change on the topic. It works from the database, so a
 * registry restarted mid-transition finishes the job.
 */
@Component
class StateSettler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StateSettler.class);

    private final EventSourceMappingService mappings;
    private final RegistryProperties.EventSourceMappings settings;
    private final Clock clock;
    private volatile Thread worker;
    private volatile boolean running;

    StateSettler(EventSourceMappingService mappings, RegistryProperties properties, Clock clock) {
        this.mappings = mappings;
        this.settings = properties.eventSourceMappings();
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofVirtual().name("mapping-state-settler").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
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

    private void run() {
        while (running) {
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
