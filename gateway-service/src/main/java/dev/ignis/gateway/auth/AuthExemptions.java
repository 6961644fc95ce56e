package dev.ignis.gateway.auth;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The only requests the Lambda API's SigV4 check does not apply to: health, for load balancers and
 * probes ({@code /livez}, {@code /readyz}; {@code /actuator/health} only where the actuator shares the
 * server's port, the rest of the actuator lives on the management port). Function URL requests never get here: {@code url.FunctionUrlFilter} runs first, recognises
 * them by the one rule of {@code url.FunctionUrlRequests} and ends the chain. Everything else, a Host
 * that merely looks like a function URL included, is a Lambda API request.
 */
final class AuthExemptions {

    private static final String HEALTH = "/actuator/health";

    private AuthExemptions() {}

    static boolean isExempt(ServerHttpRequest request) {
        return isExemptPath(request.getPath().value());
    }

    static boolean isExemptPath(String path) {
        return path.equals("/livez") || path.equals("/readyz") || path.equals(HEALTH) || path.startsWith(HEALTH + "/");
    }
}
