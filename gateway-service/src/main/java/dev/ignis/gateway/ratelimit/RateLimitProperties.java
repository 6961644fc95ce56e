package dev.ignis.gateway.ratelimit;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * An optional cap on Lambda API calls per access key, under {@code ignis.gateway.rate-limit}. Off by
 * default: a laptop has one caller, and invocation-service already throttles by concurrency.
 */
@Validated
@ConfigurationProperties("ignis.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("false") boolean enabled, @DefaultValue("100") @Min(1) int requestsPerSecond) {}
