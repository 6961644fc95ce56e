package dev.ignis.registry.url;

import static dev.ignis.registry.api.LambdaApiException.validation;

import dev.ignis.registry.url.FunctionUrlApi.Cors;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The API model's constraints on a function URL, with AWS's ValidationException wording. A URL
 * belongs to the function or to one of its aliases, never to {@code $LATEST} by name or to a version.
 */
final class UrlRules {

    static final String LATEST = "$LATEST";
    static final List<String> AUTH_TYPES = List.of("AWS_IAM", "NONE");
    static final List<String> INVOKE_MODES = List.of("RESPONSE_STREAM", "BUFFERED");
    private static final Pattern ALIAS = Pattern.compile("(?!^[0-9]+$)[a-zA-Z0-9-_]{1,128}");
    private static final int MAX_LIST = 100;
    private static final int MAX_AGE = 86_400;

    private UrlRules() {}

    /** AWS names a different pattern for {@code $LATEST} than for a version number; both are kept. */
    static void checkQualifier(String qualifier) {
        if (qualifier == null) {
            return;
        }
        if (qualifier.equals(LATEST)) {
            throw validation(
                    qualifier,
                    "qualifier",
                    "Member must satisfy regular expression pattern: ((?!^\\d+$)^[0-9a-zA-Z-_]+$)");
        }
        if (!ALIAS.matcher(qualifier).matches()) {
            throw validation(
                    qualifier,
                    "qualifier",
                    "Member must satisfy regular expression pattern: (^\\$LATEST$)|((?!^[0-9]+$)([a-zA-Z0-9-_]+))");
        }
    }

    static void checkAuthType(String authType, boolean required) {
        if (authType == null) {
            if (required) {
                throw validation(null, "authType", "Member must not be null");
            }
            return;
        }
        if (!AUTH_TYPES.contains(authType)) {
            throw validation(authType, "authType", "Member must satisfy enum value set: " + AUTH_TYPES);
        }
    }

    static void checkInvokeMode(String invokeMode) {
        if (invokeMode != null && !INVOKE_MODES.contains(invokeMode)) {
            throw validation(invokeMode, "invokeMode", "Member must satisfy enum value set: " + INVOKE_MODES);
        }
    }

    static void checkCors(Cors cors) {
        if (cors == null) {
            return;
        }
        checkItems(cors.allowHeaders(), "cors.allowHeaders", 0, 1024);
        checkItems(cors.allowMethods(), "cors.allowMethods", 0, 6);
        checkItems(cors.allowOrigins(), "cors.allowOrigins", 1, 253);
        checkItems(cors.exposeHeaders(), "cors.exposeHeaders", 0, 1024);
        Integer maxAge = cors.maxAge();
        if (maxAge != null && maxAge < 0) {
            throw validation(maxAge, "cors.maxAge", "Member must have value greater than or equal to 0");
        }
        if (maxAge != null && maxAge > MAX_AGE) {
            throw validation(maxAge, "cors.maxAge", "Member must have value less than or equal to " + MAX_AGE);
        }
    }

    private static void checkItems(List<String> items, String field, int minLength, int maxLength) {
        if (items == null) {
            return;
        }
        if (items.size() > MAX_LIST) {
            throw validation(items, field, "Member must have length less than or equal to " + MAX_LIST);
        }
        boolean bad = items.stream().anyMatch(i -> i == null || i.length() < minLength || i.length() > maxLength);
        if (bad) {
            String lengths = "Member must have length less than or equal to " + maxLength
                    + (minLength > 0 ? ", Member must have length greater than or equal to " + minLength : "");
            throw validation(
                    items,
                    field,
                    "Member must satisfy constraint: [" + lengths
                            + ", Member must satisfy regular expression pattern: .*, Member must not be null]");
        }
    }
}
