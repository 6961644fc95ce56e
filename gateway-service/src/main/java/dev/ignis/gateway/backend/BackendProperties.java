package dev.ignis.gateway.backend;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the gateway waits for each backend route and when it stops calling a failing one, under
 * {@code ignis.gateway.backends}. Keys of {@code timeLimits} are route ids of
 * config/gateway-service.yml; the invoke route needs more than a function's 900 s maximum.
 *
 * @param defaultTimeLimit for a route with no entry in {@code timeLimits}
 * @param timeLimits route id to the longest a call may take, response body included
 * @param circuitBreaker one breaker per route, opened by connection failures and time-outs only (a
 *     backend's own 4xx/5xx answers are passed through and never open it)
 */
@Validated
@ConfigurationProperties("ignis.gateway.backends")
public record BackendProperties(
        @NotNull @DefaultValue("30s") Duration defaultTimeLimit,
        @NotNull @DefaultValue Map<String, Duration> timeLimits,
        @Valid @NotNull @DefaultValue CircuitBreaker circuitBreaker) {

    public Duration timeLimitOf(String routeId) {
        return timeLimits.getOrDefault(routeId, defaultTimeLimit);
    }

    /** Resilience4j count-based breaker settings; defaults match config/application.yml's. */
    public record CircuitBreaker(
            @DefaultValue("50") @Min(1) @Max(100) float failureRateThreshold,
            @DefaultValue("50") @Min(1) int slidingWindowSize,
            @DefaultValue("20") @Min(1) int minimumNumberOfCalls,
            @NotNull @DefaultValue("5s") Duration waitInOpenState,
            @DefaultValue("5") @Min(1) int permittedCallsInHalfOpenState) {}
}
