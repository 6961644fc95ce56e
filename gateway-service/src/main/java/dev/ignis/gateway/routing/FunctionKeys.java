package dev.ignis.gateway.routing;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.arn.InvalidArnException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The function an invoke path names, reduced to its plain name so that every form of the same
 * function (name, partial ARN, full ARN, with or without a qualifier) hashes alike.
 */
final class FunctionKeys {

    private static final String PREFIX = "/2015-03-31/functions/";

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
        try {
            return FunctionRef.parse(name).functionName();
        } catch (InvalidArnException e) {
            return name; // the invoke API will refuse it; any replica can say so
        }
    }
}
