package dev.ignis.registry.alias;

import static dev.ignis.registry.api.LambdaApiException.validation;

import dev.ignis.registry.api.LambdaApiException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AWS's checks on an alias, in AWS's order and wording: the model's patterns are a
 * {@code ValidationException}, the routing rules an {@code InvalidParameterValueException}.
 * Pure: whether a version exists is asked by the caller.
 */
final class AliasRules {

    static final String LATEST = "$LATEST";
    private static final Pattern NAME = Pattern.compile("(?!^[0-9]+$)([a-zA-Z0-9-_]+)");
    private static final Pattern VERSION = Pattern.compile("\\$LATEST|[0-9]+");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");

    private AliasRules() {}

    static void checkName(String name) {
        if (name == null) {
            throw validation(null, "name", "Member must not be null");
        }
        if (name.length() > 128 || !NAME.matcher(name).matches()) {
            throw validation(
                    name,
                    "name",
                    "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)"
                            + " and length 1-128");
        }
    }

    static void checkFunctionVersion(String version) {
        if (version == null) {
            throw validation(null, "functionVersion", "Member must not be null");
        }
        if (version.length() > 1024 || !VERSION.matcher(version).matches()) {
            throw validation(
                    version, "functionVersion", "Member must satisfy regular expression pattern: (\\$LATEST|[0-9]+)");
        }
    }

    static void checkDescription(String description) {
        if (description != null && description.length() > 256) {
            throw validation(description, "description", "Member must have length less than or equal to 256");
        }
    }

    /**
     * The one additional version and its weight: at most one entry, a weight in [0, 1], a
     * published version other than the alias's own, and never next to {@code $LATEST}.
     */
    static void checkRouting(Map<String, Double> weights, String primaryVersion) {
        if (weights == null || weights.isEmpty()) {
            return;
        }
        if (weights.size() > 1) {
            throw LambdaApiException.invalidParameter(
                    "Number of items in AdditionalVersionWeights cannot be greater than 1");
        }
        var entry = weights.entrySet().iterator().next();
        String shown = "{" + entry.getKey() + "=" + entry.getValue() + "}";
        Double weight = entry.getValue();
        if (weight == null || weight < 0.0 || weight > 1.0) {
            throw validation(
                    shown,
                    "routingConfig.additionalVersionWeights",
                    "Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member"
                            + " must have value greater than or equal to 0.0, Member must not be null]");
        }
        if (entry.getKey().equals(primaryVersion)) {
            throw LambdaApiException.invalidParameter("Invalid function version " + primaryVersion
                    + ". Function version " + primaryVersion + " is already included in routing configuration.");
        }
        if (primaryVersion.equals(LATEST)) {
            throw LambdaApiException.invalidParameter(
                    "$LATEST is not supported for an alias pointing to more than 1 version");
        }
        if (!NUMBER.matcher(entry.getKey()).matches() || entry.getKey().length() > 1024) {
            throw validation(
                    shown,
                    "routingConfig.additionalVersionWeights",
                    "Map keys must satisfy constraint: [Member must have length less than or equal to 1024, Member"
                            + " must have length greater than or equal to 1, Member must satisfy regular expression"
                            + " pattern: [0-9]+, Member must not be null]");
        }
    }

    static boolean isAliasName(String qualifier) {
        return !qualifier.equals(LATEST) && !NUMBER.matcher(qualifier).matches();
    }
}
