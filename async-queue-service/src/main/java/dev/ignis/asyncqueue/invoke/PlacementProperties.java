package dev.ignis.asyncqueue.invoke;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where invocation-service runs, under {@code ignis.placement} in config/application.yml: the same
 * list and ring size every caller uses, so that all agree on which replica holds a function.
 *
 * @param invocationReplicas the replicas' base URLs
 * @param virtualNodes points per replica on the hash ring
 * @param invokeTimeout how long one invoke may take (Lambda's 15 minutes and a cold start)
 */
@Validated
@ConfigurationProperties("ignis.placement")
public record PlacementProperties(
        @NotEmpty List<URI> invocationReplicas,
        @DefaultValue("64") @Positive int virtualNodes,
        @DefaultValue("930s") Duration invokeTimeout) {}
