package dev.ignis.gateway.backend;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Wraps every routed call in its route's Resilience4j time limit and circuit breaker. It sits
 * outside the filter that writes the backend's response, so a backend that answers headers and then
 * stalls is cut off too. The failures it raises become AWS {@code ServiceException}s in
 * {@link dev.ignis.gateway.error.AwsErrorWebExceptionHandler}.
 */
public final class BackendGuardFilter implements GlobalFilter, Ordered {

    private record Guard(CircuitBreaker circuitBreaker, TimeLimiter timeLimiter) {}

    private final BackendProperties properties;
    private final CircuitBreakerRegistry breakers;
    private final ConcurrentHashMap<String, Guard> guards = new ConcurrentHashMap<>();

    public BackendGuardFilter(BackendProperties properties, CircuitBreakerRegistry breakers) {
        this.properties = properties;
        this.breakers = breakers;
    }

    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        Guard guard = guards.computeIfAbsent(route.getId(), this::newGuard);
        return chain.filter(exchange)
                .transformDeferred(TimeLimiterOperator.of(guard.timeLimiter()))
                .transformDeferred(CircuitBreakerOperator.of(guard.circuitBreaker()));
    }

    private Guard newGuard(String routeId) {
        TimeLimiter timeLimiter = TimeLimiter.of(
                routeId,
                TimeLimiterConfig.custom()
                        .timeoutDuration(properties.timeLimitOf(routeId))
                        .cancelRunningFuture(true)
                        .build());
        return new Guard(breakers.circuitBreaker(routeId), timeLimiter);
    }
}
