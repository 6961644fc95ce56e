package dev.ignis.gateway.routing;

import dev.ignis.contracts.placement.Placement;
import dev.ignis.contracts.placement.ReplicaRing;
import java.net.URI;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Sends each synchronous invoke to the invocation-service replica that owns its function on the
 * shared {@link ReplicaRing}, where its warm environments are, and lets the {@link Placement} spill
 * rule say when the next replica on the ring is tried (a 429: no capacity left there). The request body is held once so it can be sent
 * again; the 429's own body is dropped before the next try, so the caller sees one answer.
 */
public final class ReplicaRoutingFilter implements GlobalFilter, Ordered {

    /** The route, in config/gateway-service.yml, whose target this filter chooses. */
    static final String INVOKE_ROUTE = "invoke";

    private final ReplicaRing ring;

    public ReplicaRoutingFilter(ReplicaRing ring) {
        this.ring = ring;
    }

    /** Right after the route's URI became the request URL, before the call is made. */
    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        // One replica is the route's own URI: nothing to choose.
        if (ring.size() < 2 || route == null || !INVOKE_ROUTE.equals(route.getId())) {
            return chain.filter(exchange);
        }
        Placement placement =
                ring.place(FunctionKeys.of(exchange.getRequest().getPath().value()));
        return ServerWebExchangeUtils.cacheRequestBody(
                exchange,
                cached -> attempt(exchange.mutate().request(cached).build(), chain, placement, 0, placement.owner()));
    }

    private Mono<Void> attempt(
            ServerWebExchange exchange, GatewayFilterChain chain, Placement placement, int attempt, URI replica) {
        target(exchange, replica);
        return chain.filter(exchange).then(Mono.defer(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            var next = placement.after(attempt, status == null ? 0 : status.value());
            if (next.isEmpty()) {
                return Mono.empty();
            }
            Connection connection = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
            if (connection != null) {
                connection.dispose(); // its unread 429 body goes with it
            }
            ServerWebExchangeUtils.reset(exchange);
            exchange.getResponse().setStatusCode(null);
            return attempt(exchange, chain, placement, attempt + 1, next.get());
        }));
    }

    private static void target(ServerWebExchange exchange, URI replica) {
        URI routed = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        URI url = UriComponentsBuilder.fromUri(routed)
                .scheme(replica.getScheme())
                .host(replica.getHost())
                .port(replica.getPort())
                .build(true)
                .toUri();
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, url);
    }
}
