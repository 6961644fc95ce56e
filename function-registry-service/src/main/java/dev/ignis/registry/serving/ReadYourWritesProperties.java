package dev.ignis.registry.serving;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Read-your-writes (ADR 0005-read-your-writes), under {@code ignis.registry.read-your-writes}.
 *
 * @param enabled off only for a registry running without a data plane (its own tests): then every
 *     state is reported as served at once, as before
 * @param maxWait how long a write without a status waits for the replicas before it answers anyway
 *     (a replica that is down must not hang the management API)
 */
@Validated
@ConfigurationProperties("ignis.registry.read-your-writes")
public record ReadYourWritesProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration maxWait) {}
