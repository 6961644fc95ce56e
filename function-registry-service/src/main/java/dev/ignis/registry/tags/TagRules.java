package dev.ignis.registry.tags;

import static dev.ignis.registry.api.LambdaApiException.validation;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.arn.InvalidArnException;
import dev.ignis.registry.api.LambdaApiException;
import java.util.Map;
import java.util.regex.Pattern;

/** AWS's checks on the tagging operations: only whole functions are tagged, at most 50 tags each. */
final class TagRules {

    static final int MAX_TAGS = 50;
    private static final String FUNCTION_ARN = "arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}"
            + ":\\d{12}:function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    private static final Pattern FUNCTION_ARN_PATTERN = Pattern.compile(FUNCTION_ARN);

    private TagRules() {}

    /** The function a tagging request's {@code Resource} names; it must be a full, unqualified function ARN. */
    static String functionName(String resource) {
        if (resource == null || !FUNCTION_ARN_PATTERN.matcher(resource).matches()) {
            throw validation(resource, "resource", "Member must satisfy regular expression pattern: " + FUNCTION_ARN);
        }
        FunctionRef ref;
        try {
            ref = FunctionRef.parse(resource);
        } catch (InvalidArnException e) {
            throw validation(resource, "resource", "Member must satisfy regular expression pattern: " + FUNCTION_ARN);
        }
        if (ref.qualifier().isPresent()) {
            throw LambdaApiException.invalidParameter("Tagging operations are permitted on Lambda functions only."
                    + " Tags on aliases and versions are not supported. Please specify either a function name or a"
                    + " function ARN.");
        }
        return ref.functionName();
    }

    /** The model's limits on each key and value. */
    static void checkTags(Map<String, String> tags) {
        for (var tag : tags.entrySet()) {
            String key = tag.getKey();
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw validation(
                        tags,
                        "tags",
                        "Map keys must satisfy constraint: [Member must have length less than or equal to 128,"
                                + " Member must have length greater than or equal to 1]");
            }
            if (tag.getValue() == null || tag.getValue().length() > 256) {
                throw validation(
                        tags,
                        "tags",
                        "Map value must satisfy constraint: [Member must have length less than or equal to 256,"
                                + " Member must not be null]");
            }
        }
    }

    static void checkCount(int count) {
        if (count > MAX_TAGS) {
            throw LambdaApiException.invalidParameter("Number of tags exceeds function tag limit.");
        }
    }
}
