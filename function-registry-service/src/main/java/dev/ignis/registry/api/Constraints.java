package dev.ignis.registry.api;

import java.util.regex.Pattern;

/** AWS's model constraints, checked the way the Lambda API reports them (one ValidationException). */
public final class Constraints {

    private Constraints() {}

    /** {@code value} within {@code [min, max]}; null means the field was not given. */
    public static void range(Integer value, String field, int min, int max) {
        if (value == null) {
            return;
        }
        if (value < min) {
            throw LambdaApiException.validation(value, field, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw LambdaApiException.validation(value, field, "Member must have value less than or equal to " + max);
        }
    }

    /** A required string: not null, then as {@link #string}. */
    public static void requiredString(String value, String field, String pattern, int maxLength) {
        if (value == null) {
            throw LambdaApiException.validation(null, field, "Member must not be null");
        }
        string(value, field, pattern, maxLength);
    }

    /** An optional string of at most {@code maxLength} characters matching {@code pattern}; null means not given. */
    public static void string(String value, String field, String pattern, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            throw LambdaApiException.validation(
                    value, field, "Member must have length less than or equal to " + maxLength);
        }
        if (!Pattern.compile(pattern).matcher(value).matches()) {
            throw LambdaApiException.validation(
                    value, field, "Member must satisfy regular expression pattern: " + pattern);
        }
    }
}
