package dev.ignis.gateway.routing;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where invocation-service runs, under {@code ignis.placement} in config/application.yml: the same
 * list and ring size every caller (gateway, async workers, pollers) uses, so that all agree on which
 * replica holds a function.
 *
 * @param invocationReplicas the replicas' base URLs (in Kubernetes, one per pod of a headless Service)
 * @param virtualNodes points per replica on the hash ring; more spreads functions more evenly
 */
@Validated
@ConfigurationProperties("ignis.placement")
public record PlacementProperties(
        @NotEmpty List<URI> invocationReplicas, @DefaultValue("64") @Positive int virtualNodes) {}
