package dev.ignis.gateway.url;

import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/**
 * The headers a function's answer may set on the HTTP response, as an HTTP proxy filters what it
 * relays: names must be RFC 9110 tokens, values must hold no CR, LF or NUL (a function must not be
 * able to split the response or add headers of its own), and hop-by-hop headers and the framing
 * headers the gateway writes itself are dropped.
 */
final class FunctionHeaders {

    private static final Set<String> DROPPED = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "trailers",
            "transfer-encoding",
            "upgrade",
            "content-length");

    private FunctionHeaders() {}

    /** Adds the header to {@code into} when it may be relayed; drops it silently otherwise. */
    static void add(HttpHeaders into, String name, String value) {
        if (isToken(name) && isSafeValue(value) && !DROPPED.contains(name.toLowerCase(Locale.ROOT))) {
            into.add(name, value);
        }
    }

    static boolean isToken(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!token) {
                return false;
            }
        }
        return true;
    }

    static boolean isSafeValue(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return false;
            }
        }
        return true;
    }
}
