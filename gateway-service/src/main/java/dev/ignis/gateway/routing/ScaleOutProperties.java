package dev.ignis.gateway.routing;

import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Several invocation-service replicas, under {@code ignis.gateway.scale-out}. Empty (the default)
 * means the one {@code ignis.gateway.invocation-url}.
 *
 * @param invocationReplicas the replicas' base URLs (in Kubernetes, one per pod of a headless Service)
 * @param virtualNodes points per replica on the hash ring; more spreads functions more evenly
 */
@Validated
@ConfigurationProperties("ignis.gateway.scale-out")
public record ScaleOutProperties(
        @DefaultValue List<URI> invocationReplicas, @DefaultValue("64") @Positive int virtualNodes) {}
