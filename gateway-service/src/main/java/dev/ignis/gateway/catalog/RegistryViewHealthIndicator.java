package dev.ignis.gateway.catalog;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health/registryView}: how far this service's view of the registry has read. */
@Component("registryView")
class RegistryViewHealthIndicator implements HealthIndicator {

    private final RegistryMirror mirror;

    RegistryViewHealthIndicator(RegistryMirror mirror) {
        this.mirror = mirror;
    }

    @Override
    public Health health() {
        return Health.up().withDetails(mirror.position()).build();
    }
}
