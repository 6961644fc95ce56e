package dev.ignis.gateway.observe;

import dev.ignis.gateway.error.AwsErrorWebExceptionHandler;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The outermost filter: times every request, makes sure its response carries an
 * {@code x-amzn-RequestId} (the backend's, or one made here), and records the access log line and
 * the {@code ignis.gateway.requests} timer once the response is done. Errors are turned into AWS
 * error responses here, inside the timing, so the log and the metric see the final status.
 */
public final class RequestObservationFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    public static final String REQUEST_ID = "x-amzn-RequestId";

    private final RequestMetrics metrics;
    private final AccessLog accessLog;
    private final AwsErrorWebExceptionHandler errors;

    public RequestObservationFilter(RequestMetrics metrics, AccessLog accessLog, AwsErrorWebExceptionHandler errors) {
        this.metrics = metrics;
        this.accessLog = accessLog;
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            if (!headers.containsHeader(REQUEST_ID)) {
                headers.set(REQUEST_ID, newRequestId());
            }
            return Mono.empty();
        });
        return chain.filter(exchange)
                .onErrorResume(failure -> errors.handle(exchange, failure))
                .doFinally(signal -> record(exchange, System.nanoTime() - start));
    }

    private void record(ServerWebExchange exchange, long nanos) {
        HttpStatusCode statusCode = exchange.getResponse().getStatusCode();
        int status = statusCode == null ? 0 : statusCode.value();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        metrics.record(route == null ? "none" : route.getId(), status, nanos);
        if (accessLog.enabled()) {
            String path = exchange.getRequest().getPath().value();
            String requestId = exchange.getResponse().getHeaders().getFirst(REQUEST_ID);
            accessLog.log(
                    requestId == null ? "-" : requestId,
                    exchange.getRequest().getMethod().name(),
                    path,
                    AccessLog.functionName(path),
                    status,
                    nanos);
        }
    }

    /** A random (version 4) UUID without SecureRandom's cost and contention on the event loop. */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
