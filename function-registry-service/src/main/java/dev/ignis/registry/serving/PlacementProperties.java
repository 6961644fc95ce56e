package dev.ignis.registry.serving;

import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every invocation-service replica, under {@code ignis.placement} in config/application.yml: the
 * list every caller places functions by, and so the replicas that must each serve a change.
 */
@Validated
@ConfigurationProperties("ignis.placement")
public record PlacementProperties(@NotEmpty List<URI> invocationReplicas) {}
