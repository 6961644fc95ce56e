package dev.ignis.contracts.arn;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function named the way the Lambda API lets a caller name one: a bare name ({@code my-fn}), a
 * name with a qualifier ({@code my-fn:prod}), a partial ARN ({@code 123456789012:function:my-fn})
 * or a full ARN ({@code arn:aws:lambda:us-east-1:123456789012:function:my-fn:1}).
 *
 * <p>Region and account are present only when the caller wrote them; {@link #toArn} fills the
 * platform's own for the rest.
 */
public record FunctionRef(
        Optional<String> region, Optional<String> accountId, String functionName, Optional<String> qualifier) {

    /** AWS's FunctionName pattern, with the optional parts captured. */
    private static final Pattern FUNCTION_NAME =
            Pattern.compile("(?:arn:aws[a-zA-Z-]*:lambda:([a-z]{2}(?:-gov)?-[a-z]+-\\d):)?"
                    + "(?:(\\d{12}):)?"
                    + "(?:function:)?"
                    + "([a-zA-Z0-9_-]+)"
                    + "(?::(\\$LATEST|[a-zA-Z0-9_-]+))?");

    public static final int MAX_NAME_LENGTH = 64;
    public static final int MAX_QUALIFIER_LENGTH = 128;

    public FunctionRef {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(qualifier, "qualifier");
    }

    /**
     * Parses a FunctionName path parameter.
     *
     * @throws InvalidArnException when the value matches none of the forms AWS accepts
     */
    public static FunctionRef parse(String value) {
        if (value == null || value.isEmpty() || value.length() > 170) {
            throw new InvalidArnException(value);
        }
        Matcher m = FUNCTION_NAME.matcher(value);
        if (!m.matches() || m.group(3).length() > MAX_NAME_LENGTH) {
            throw new InvalidArnException(value);
        }
        boolean full = value.startsWith("arn:");
        boolean partial = !full && m.group(2) != null;
        if ((full || partial) && !value.contains(":function:")) {
            throw new InvalidArnException(value);
        }
        return new FunctionRef(
                Optional.ofNullable(m.group(1)),
                Optional.ofNullable(m.group(2)),
                m.group(3),
                Optional.ofNullable(m.group(4)));
    }

    /**
     * Parses a FunctionName together with a separate {@code Qualifier} query parameter. AWS
     * refuses the pair when both name a qualifier and they differ.
     */
    public static FunctionRef parse(String value, String qualifierParameter) {
        FunctionRef ref = parse(value);
        if (qualifierParameter == null || qualifierParameter.isEmpty()) {
            return ref;
        }
        if (ref.qualifier.isPresent() && !ref.qualifier.get().equals(qualifierParameter)) {
            throw new InvalidArnException(
                    "The derived qualifier from the function name does not match the specified qualifier.");
        }
        return ref.withQualifier(qualifierParameter);
    }

    public static FunctionRef of(String functionName) {
        return new FunctionRef(Optional.empty(), Optional.empty(), functionName, Optional.empty());
    }

    public FunctionRef withQualifier(String newQualifier) {
        return new FunctionRef(region, accountId, functionName, Optional.ofNullable(newQualifier));
    }

    /** The ARN of this function (unqualified when no qualifier was given). */
    public String toArn(String defaultRegion, String defaultAccountId) {
        String base = "arn:aws:lambda:" + region.orElse(defaultRegion) + ":" + accountId.orElse(defaultAccountId)
                + ":function:" + functionName;
        return qualifier.map(q -> base + ":" + q).orElse(base);
    }

    /** The unqualified ARN, the key of the function's change events. */
    public String toUnqualifiedArn(String defaultRegion, String defaultAccountId) {
        return withQualifier(null).toArn(defaultRegion, defaultAccountId);
    }
}
