package dev.ignis.gateway.ratelimit;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.error.ThrottleReason;
import dev.ignis.gateway.auth.SigV4AuthenticationFilter;
import dev.ignis.gateway.error.AwsErrorResponses;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One Resilience4j rate limiter per verified access key. A permit is taken without waiting (a
 * timeout of zero, so the event loop never parks); without one the caller gets AWS's throttle,
 * 429 {@code TooManyRequestsException} with {@code Reason: CallerRateLimitExceeded}. Requests that
 * carry no access key (operations endpoints, function URLs) are not limited here.
 */
public final class RateLimitFilter implements WebFilter, Ordered {

    public static final int ORDER = SigV4AuthenticationFilter.ORDER + 10;

    private static final byte[] THROTTLED = ("{\"Reason\":\"" + ThrottleReason.CallerRateLimitExceeded.name()
                    + "\",\"Type\":\"User\",\"message\":\"Rate exceeded\"}")
            .getBytes(StandardCharsets.UTF_8);

    private final RateLimiterRegistry limiters;

    public RateLimitFilter(RateLimitProperties properties) {
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(properties.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String accessKeyId = exchange.getAttribute(SigV4AuthenticationFilter.ACCESS_KEY_ID_ATTR);
        if (accessKeyId == null) {
            return chain.filter(exchange);
        }
        RateLimiter limiter = limiters.rateLimiter(accessKeyId);
        if (limiter.acquirePermission()) {
            return chain.filter(exchange);
        }
        LambdaErrorType throttle = LambdaErrorType.TOO_MANY_REQUESTS;
        return AwsErrorResponses.writeBody(exchange.getResponse(), throttle.httpStatus(), throttle.code(), THROTTLED);
    }
}
