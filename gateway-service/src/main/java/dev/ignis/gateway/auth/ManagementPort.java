package dev.ignis.gateway.auth;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The port the actuator's own server listens on, learnt when it starts. The gateway's web filters are
 * shared with that server's context, and the Lambda API's SigV4 has no business there: the port is
 * for operators and scrapers, on loopback unless the operator opens it.
 */
final class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

    private static final String MANAGEMENT_NAMESPACE = "management";

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (WebServerApplicationContext.hasServerNamespace(event.getApplicationContext(), MANAGEMENT_NAMESPACE)) {
            port = event.getWebServer().getPort();
        }
    }

    boolean receives(ServerHttpRequest request) {
        return port > 0
                && request.getLocalAddress() != null
                && request.getLocalAddress().getPort() == port;
    }
}
