package dev.ignis.registry.outbox;

import dev.ignis.registry.config.RegistryProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN when changes wait longer than allowed: the rest of the platform is not seeing them. */
@Component("outbox")
class OutboxHealthIndicator implements HealthIndicator {

    private final OutboxRelay relay;
    private final Duration maxPendingAge;
    private final Clock clock;

    OutboxHealthIndicator(OutboxRelay relay, RegistryProperties properties, Clock clock) {
        this.relay = relay;
        this.maxPendingAge = properties.outbox().maxPendingAge();
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant oldest = relay.oldestPendingSince();
        boolean late = oldest != null && oldest.plus(maxPendingAge).isBefore(clock.instant());
        return (late ? Health.down() : Health.up())
                .withDetail("pending", relay.pending())
                .withDetail("lastPublishedSequence", relay.lastPublishedSequence())
                .build();
    }
}
