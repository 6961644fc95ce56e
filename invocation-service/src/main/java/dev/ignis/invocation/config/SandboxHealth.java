package dev.ignis.invocation.config;

import dev.ignis.invocation.sandbox.Sandbox;
import dev.ignis.invocation.sandbox.cgroup.Cgroups;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} says how functions are isolated and which limits are in force, so an
 * operator sees an unsandboxed installation or a missing limit without reading logs.
 */
final class SandboxHealth implements HealthIndicator {

    private final Sandbox sandbox;
    private final Cgroups cgroups;
    private final String networkMode;

    SandboxHealth(Sandbox sandbox, Cgroups cgroups, String networkMode) {
        this.sandbox = sandbox;
        this.cgroups = cgroups;
        this.networkMode = networkMode;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up()
                .withDetail("type", sandbox.name())
                .withDetail("isolated", sandbox.isolating())
                .withDetail("network", sandbox.isolating() ? networkMode : "host (not isolated)")
                .withDetail("limits", cgroups.describe());
        if (!sandbox.isolating()) {
            health.withDetail("warning", "functions run unsandboxed, by the operator's choice");
        }
        return health.build();
    }
}
