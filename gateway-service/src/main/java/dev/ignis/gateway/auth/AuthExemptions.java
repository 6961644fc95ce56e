package dev.ignis.gateway.auth;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Requests the Lambda API's SigV4 check does not apply to: operations endpoints, the API docs, code
 * downloads (GetFunction's Code.Location is a plain link, as AWS's presigned URL is) and every
 * function URL request, which checks its own AuthType. Prefix tests only, no pattern matching.
 */
final class AuthExemptions {

    private static final String[] PREFIXES = {
        "/actuator/", "/v3/api-docs", "/swagger-ui", "/webjars/swagger-ui/", "/ignis/v1/code/", "/lambda-url/"
    };
    private static final String FUNCTION_URL_HOST_MARKER = ".lambda-url.";

    private AuthExemptions() {}

    static boolean isExempt(ServerHttpRequest request) {
        return isExemptPath(request.getPath().value())
                || isFunctionUrlHost(request.getHeaders().getFirst(HttpHeaders.HOST));
    }

    static boolean isExemptPath(String path) {
        if (path.equals("/actuator")) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code <url-id>.lambda-url.<region>.<domain>[:port]}: the first label, then the marker. */
    static boolean isFunctionUrlHost(String host) {
        if (host == null) {
            return false;
        }
        int firstDot = host.indexOf('.');
        return firstDot > 0 && host.startsWith(FUNCTION_URL_HOST_MARKER, firstDot);
    }
}
