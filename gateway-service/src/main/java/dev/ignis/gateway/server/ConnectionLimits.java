package dev.ignis.gateway.server;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.server.HttpServer;

/**
 * Applies {@link ConnectionProperties} to the Netty server of the public port. Header sizes are
 * Boot's own {@code server.max-http-request-header-size} (config/gateway-service.yml).
 */
@Component
class ConnectionLimits implements NettyServerCustomizer {

    private final ConnectionProperties properties;

    ConnectionLimits(ConnectionProperties properties) {
        this.properties = properties;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.idleTimeout(properties.idleTimeout())
                .readTimeout(properties.readTimeout())
                .requestTimeout(properties.requestTimeout());
    }
}
