package dev.ignis.registry.layer;

import static dev.ignis.registry.api.LambdaApiException.validation;

import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.layer.LayerApi.PublishLayerVersionRequest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The model's checks on layer requests, with AWS's error types and wording. */
final class LayerRules {

    static final List<String> ARCHITECTURES = List.of("x86_64", "arm64");
    static final int MAX_RUNTIMES = 15;

    private static final String NAME_PATTERN =
            "(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+";
    private static final Pattern NAME = Pattern.compile(
            "(?:arn:[a-zA-Z0-9-]+:lambda:([a-zA-Z0-9-]+):(\\d{12}):layer:([a-zA-Z0-9-_]+))|([a-zA-Z0-9-_]+)");
    private static final String VERSION_ARN_PATTERN =
            "arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+";
    private static final Pattern VERSION_ARN =
            Pattern.compile("arn:[a-zA-Z0-9-]+:lambda:([a-zA-Z0-9-]+):(\\d{12}):layer:([a-zA-Z0-9-_]+):([0-9]{1,18})");

    private LayerRules() {}

    /** A layer named by a request: its name, and the region and account when an ARN named them. */
    record LayerId(Optional<String> region, Optional<String> accountId, String name) {

        boolean isIn(String ourRegion, String ourAccount) {
            return region.map(ourRegion::equals).orElse(true)
                    && accountId.map(ourAccount::equals).orElse(true);
        }
    }

    /** A layer version ARN taken apart. */
    record VersionId(String region, String accountId, String name, long version) {}

    /** A {@code LayerName} path parameter: a name or a layer ARN, 1–140 characters. */
    static LayerId layerName(String value) {
        Matcher m = value == null ? null : NAME.matcher(value);
        if (m == null || value.length() > 140 || !m.matches()) {
            throw validation(value, "layerName", "Member must satisfy regular expression pattern: " + NAME_PATTERN);
        }
        return m.group(4) != null
                ? new LayerId(Optional.empty(), Optional.empty(), m.group(4))
                : new LayerId(Optional.of(m.group(1)), Optional.of(m.group(2)), m.group(3));
    }

    /** GetLayerVersionByArn's {@code Arn}. */
    static VersionId versionArn(String arn, String field) {
        if (arn == null || arn.length() > 140 || !arn.matches(VERSION_ARN_PATTERN)) {
            throw validation(arn, field, "Member must satisfy regular expression pattern: " + VERSION_ARN_PATTERN);
        }
        return parseVersionArn(arn);
    }

    /** An ARN that already passed a pattern check (CreateFunction's {@code Layers}). */
    static VersionId parseVersionArn(String arn) {
        Matcher m = VERSION_ARN.matcher(arn);
        if (!m.matches()) {
            throw validation(arn, "arn", "Member must satisfy regular expression pattern: " + VERSION_ARN_PATTERN);
        }
        return new VersionId(m.group(1), m.group(2), m.group(3), Long.parseLong(m.group(4)));
    }

    static void checkVersionNumber(long version) {
        if (version < 1) {
            throw LambdaApiException.invalidParameter("Layer Version Cannot be less than 1");
        }
    }

    static void checkPublish(PublishLayerVersionRequest request, List<String> runtimes) {
        if (request.content() == null) {
            throw validation(null, "content", "Member must not be null");
        }
        if (request.content().zipFile() == null) {
            throw LambdaApiException.invalidParameter(
                    "Please provide a source for layer code (ZipFile); S3 sources are not supported.");
        }
        if (request.description() != null && request.description().length() > 256) {
            throw validation(request.description(), "description", "Member must have length less than or equal to 256");
        }
        if (request.licenseInfo() != null && request.licenseInfo().length() > 512) {
            throw validation(request.licenseInfo(), "licenseInfo", "Member must have length less than or equal to 512");
        }
        checkList(request.compatibleRuntimes(), "compatibleRuntimes", MAX_RUNTIMES, runtimes);
        checkList(request.compatibleArchitectures(), "compatibleArchitectures", 2, ARCHITECTURES);
    }

    /** The {@code CompatibleRuntime} / {@code CompatibleArchitecture} filters of the List operations. */
    static void checkFilter(String value, String field, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw validation(value, field, "Member must satisfy enum value set: " + allowed);
        }
    }

    private static void checkList(List<String> values, String field, int max, List<String> allowed) {
        if (values == null) {
            return;
        }
        if (values.size() > max) {
            throw validation(values, field, "Member must have length less than or equal to " + max);
        }
        if (!allowed.containsAll(values)) {
            throw validation(
                    values,
                    field,
                    "Member must satisfy constraint: [Member must satisfy enum value set: " + allowed
                            + ", Member must not be null]");
        }
    }
}
