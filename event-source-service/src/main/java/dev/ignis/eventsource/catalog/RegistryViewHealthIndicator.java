package dev.ignis.eventsource.catalog;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health/registryView}: how far this service's view of the registry has read. */
@Component("registryView")
class RegistryViewHealthIndicator implements HealthIndicator {

    private final MappingTargets targets;

    RegistryViewHealthIndicator(MappingTargets targets) {
        this.targets = targets;
    }

    @Override
    public Health health() {
        return Health.up().withDetails(targets.position()).build();
    }
}
