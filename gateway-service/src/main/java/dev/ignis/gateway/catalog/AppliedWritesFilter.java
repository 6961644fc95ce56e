package dev.ignis.gateway.catalog;

import java.time.Duration;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Read-your-writes for what the gateway itself serves (URL configs, policies; ADR
 * 0005-read-your-writes): the registry names such changes in {@value #HEADER}
 * ({@code key=sequence,...}); the answer is held until this gateway's {@link RegistryMirror} has
 * applied each (at most {@code maxWait}), so the next URL request through this gateway sees the
 * write. The header never reaches the caller.
 */
public final class AppliedWritesFilter implements GlobalFilter, Ordered {

    static final String HEADER = "X-Ignis-Changes";

    private final RegistryMirror mirror;
    private final Duration maxWait;

    public AppliedWritesFilter(RegistryMirror mirror, Duration maxWait) {
        this.mirror = mirror;
        this.maxWait = maxWait;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            String named = exchange.getResponse().getHeaders().getFirst(HEADER);
            if (named == null) {
                return Mono.empty();
            }
            exchange.getResponse().getHeaders().remove(HEADER);
            return Flux.fromArray(named.split(","))
                    .concatMap(
                            change -> Mono.fromCallable(() -> await(change)).subscribeOn(Schedulers.boundedElastic()))
                    .then();
        });
        return chain.filter(exchange);
    }

    private boolean await(String change) throws InterruptedException {
        int split = change.lastIndexOf('=');
        return mirror.awaitApplied(change.substring(0, split), Long.parseLong(change.substring(split + 1)), maxWait);
    }
}
