package dev.ignis.registry.codesigning;

import static dev.ignis.registry.api.LambdaApiException.validation;

import dev.ignis.registry.api.Constraints;
import dev.ignis.registry.codesigning.CodeSigningApi.AllowedPublishers;
import dev.ignis.registry.codesigning.CodeSigningApi.CodeSigningPolicies;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API model's constraints on code signing requests, with AWS's wording. */
final class CodeSigningRules {

    static final String WARN = "Warn";
    static final String ENFORCE = "Enforce";
    static final int MAX_PROFILES = 20;
    private static final List<String> POLICIES = List.of(WARN, ENFORCE);
    private static final String PROFILE_ARN =
            "arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)";
    private static final String CONFIG_ARN_PATTERN = "arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-"
            + "\\d{1}:\\d{12}:code-signing-config:csc-[a-z0-9]{17}";
    private static final Pattern CONFIG_ARN = Pattern.compile(
            "arn:(?:aws[a-zA-Z-]*)?:lambda:([a-z0-9-]+):(\\d{12}):" + "code-signing-config:(csc-[a-z0-9]{17})");

    private CodeSigningRules() {}

    /** A config ARN taken apart. */
    record ConfigArn(String region, String accountId, String id) {}

    static ConfigArn configArn(String arn) {
        if (arn == null) {
            throw validation(null, "codeSigningConfigArn", "Member must not be null");
        }
        Matcher m = CONFIG_ARN.matcher(arn);
        if (arn.length() > 200 || !arn.matches(CONFIG_ARN_PATTERN) || !m.matches()) {
            throw validation(
                    arn,
                    "codeSigningConfigArn",
                    "Member must satisfy regular expression pattern: " + CONFIG_ARN_PATTERN);
        }
        return new ConfigArn(m.group(1), m.group(2), m.group(3));
    }

    static void checkDescription(String description) {
        Constraints.string(description, "description", "(?s).*", 256);
    }

    static void checkPublishers(AllowedPublishers publishers, boolean required) {
        if (publishers == null) {
            if (required) {
                throw validation(null, "allowedPublishers", "Member must not be null");
            }
            return;
        }
        List<String> arns = publishers.signingProfileVersionArns();
        if (arns == null) {
            throw validation(null, "allowedPublishers.signingProfileVersionArns", "Member must not be null");
        }
        if (arns.isEmpty() || arns.size() > MAX_PROFILES) {
            throw validation(
                    "[" + String.join(", ", arns) + "]",
                    "allowedPublishers.signingProfileVersionArns",
                    arns.isEmpty()
                            ? "Member must have length greater than or equal to 1"
                            : "Member must have length less than or equal to " + MAX_PROFILES);
        }
        for (String arn : arns) {
            if (arn == null || !arn.matches(PROFILE_ARN)) {
                throw validation(
                        "["
                                + String.join(
                                        ", ", arns.stream().map(String::valueOf).toList()) + "]",
                        "allowedPublishers.signingProfileVersionArns",
                        "Member must satisfy constraint: [Member must satisfy regular expression pattern: "
                                + PROFILE_ARN + ", Member must not be null]");
            }
        }
    }

    /** The policy a request names; null when it names none. */
    static String policy(CodeSigningPolicies policies) {
        if (policies == null || policies.untrustedArtifactOnDeployment() == null) {
            return null;
        }
        String policy = policies.untrustedArtifactOnDeployment();
        if (!POLICIES.contains(policy)) {
            throw validation(
                    policy,
                    "codeSigningPolicies.untrustedArtifactOnDeployment",
                    "Member must satisfy enum value set: " + POLICIES);
        }
        return policy;
    }
}
