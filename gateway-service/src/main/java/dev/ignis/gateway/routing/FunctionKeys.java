package dev.ignis.gateway.routing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The function an invoke path names, reduced to its plain name so that every form of the same
 * function (name, partial ARN, full ARN, with or without a qualifier) hashes alike.
 */
final class FunctionKeys {

    private static final String PREFIX = "/2015-03-31/functions/";
    private static final String FUNCTION = "function:";

    private FunctionKeys() {}

    /** {@code /2015-03-31/functions/<name>/invocations} → the function's name; the path itself otherwise. */
    static String of(String rawPath) {
        if (!rawPath.startsWith(PREFIX)) {
            return rawPath;
        }
        int end = rawPath.indexOf('/', PREFIX.length());
        String name = URLDecoder.decode(
                end < 0 ? rawPath.substring(PREFIX.length()) : rawPath.substring(PREFIX.length(), end),
                StandardCharsets.UTF_8);
        int function = name.indexOf(FUNCTION);
        if (function >= 0) {
            name = name.substring(function + FUNCTION.length());
        }
        int qualifier = name.indexOf(':');
        return qualifier < 0 ? name : name.substring(0, qualifier);
    }
}
