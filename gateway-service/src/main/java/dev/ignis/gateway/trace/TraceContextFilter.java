package dev.ignis.gateway.trace;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request both trace headers ({@link TraceHeaders}) before anything else reads it, so
 * every route forwards them to its backend and function URLs pass them to the invoke. A header the
 * caller sent is never changed: it may be one of the headers its SigV4 signature covers.
 */
public final class TraceContextFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

    private final Clock clock;

    public TraceContextFilter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String amzn = request.getHeaders().getFirst(TraceHeaders.AMZN);
        String traceparent = request.getHeaders().getFirst(TraceHeaders.TRACEPARENT);
        if (amzn != null && traceparent != null) {
            return chain.filter(exchange);
        }
        TraceHeaders.Trace trace =
                TraceHeaders.of(amzn, traceparent, clock.millis() / 1000, ThreadLocalRandom.current());
        return chain.filter(exchange.mutate()
                .request(r -> r.headers(h -> {
                    if (amzn == null) {
                        h.set(TraceHeaders.AMZN, trace.amzn());
                    }
                    if (traceparent == null) {
                        h.set(TraceHeaders.TRACEPARENT, trace.traceparent());
                    }
                }))
                .build());
    }
}
