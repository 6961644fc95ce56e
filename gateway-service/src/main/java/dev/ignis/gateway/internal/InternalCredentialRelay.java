package dev.ignis.gateway.internal;

import dev.ignis.contracts.internal.InternalCredential;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every request the gateway forwards carries the internal credential: the backends accept nobody
 * else in a cluster. A value the caller sent under the same header is replaced, never passed on.
 */
@Component
class InternalCredentialRelay implements GlobalFilter, Ordered {

    private final String credential;

    InternalCredentialRelay(InternalCredential credential) {
        this.credential = credential.headerValue();
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(InternalCredential.HEADER, credential)))
                .build());
    }
}
