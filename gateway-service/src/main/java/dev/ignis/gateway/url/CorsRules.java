package dev.ignis.gateway.url;

import dev.ignis.contracts.registry.FunctionUrlSnapshot.Cors;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * A URL's {@code Cors} config applied as Lambda does: preflights are answered without invoking
 * the function, and responses to an allowed origin carry the configured headers in place of any
 * CORS headers the function set itself.
 */
final class CorsRules {

    private static final String WILDCARD = "*";

    private final Cors cors;

    CorsRules(Cors cors) {
        this.cors = cors;
    }

    static boolean isPreflight(HttpMethod method, HttpHeaders headers) {
        return HttpMethod.OPTIONS.equals(method)
                && headers.getOrigin() != null
                && headers.getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    }

    /** The headers of a preflight answer; none when the origin or the method is not allowed. */
    HttpHeaders preflight(HttpHeaders request) {
        HttpHeaders answer = new HttpHeaders();
        String origin = request.getOrigin();
        String method = request.getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (!allowsOrigin(origin) || !allows(cors.allowMethods(), method)) {
            return answer;
        }
        answer.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowedOriginValue(origin));
        answer.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, String.join(",", cors.allowMethods()));
        String requested = request.getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        if (cors.allowHeaders().contains(WILDCARD) && requested != null) {
            answer.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, requested);
        } else if (!cors.allowHeaders().isEmpty()) {
            answer.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, String.join(",", cors.allowHeaders()));
        }
        if (cors.maxAge() != null) {
            answer.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, cors.maxAge().toString());
        }
        addCommon(answer);
        return answer;
    }

    /** Replaces the function's CORS headers with the configured ones for an allowed origin. */
    void applyTo(HttpHeaders response, String origin) {
        List<String> functionSet = response.headerNames().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"))
                .toList();
        functionSet.forEach(response::remove);
        if (origin == null || !allowsOrigin(origin)) {
            return;
        }
        response.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowedOriginValue(origin));
        if (!cors.exposeHeaders().isEmpty()) {
            response.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(",", cors.exposeHeaders()));
        }
        addCommon(response);
    }

    private void addCommon(HttpHeaders headers) {
        if (cors.allowCredentials()) {
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        headers.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }

    private boolean allowsOrigin(String origin) {
        return origin != null
                && (cors.allowOrigins().contains(WILDCARD)
                        || cors.allowOrigins().contains(origin));
    }

    /** A wildcard is answered as such, unless credentials are allowed, where browsers need the origin. */
    private String allowedOriginValue(String origin) {
        return cors.allowOrigins().contains(WILDCARD) && !cors.allowCredentials() ? WILDCARD : origin;
    }

    private static boolean allows(List<String> allowed, String value) {
        return value != null
                && (allowed.contains(WILDCARD) || allowed.stream().anyMatch(a -> a.equalsIgnoreCase(value)));
    }
}
