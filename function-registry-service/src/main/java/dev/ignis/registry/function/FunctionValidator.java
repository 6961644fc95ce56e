package dev.ignis.registry.function;

import static dev.ignis.registry.api.LambdaApiException.validation;

import dev.ignis.registry.api.Constraints;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.function.FunctionApi.CreateFunctionRequest;
import dev.ignis.registry.function.FunctionApi.UpdateFunctionConfigurationRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks AWS makes on a function's settings, with AWS's error types: model constraints are a
 * {@code ValidationException}, semantic ones an {@code InvalidParameterValueException}. Creation
 * requires what an update may leave out; a field both carry is checked the same way.
 */
final class FunctionValidator {

    static final int MAX_ENVIRONMENT_BYTES = 4096;
    static final int MAX_LAYERS = 5;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern HANDLER = Pattern.compile("[^\\s]{1,128}");
    private static final Pattern ENV_KEY = Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");
    private static final String ROLE_PATTERN = "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+";
    private static final String TARGET_PATTERN = "(arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()";
    private static final String LAYER_PATTERN =
            "arn:[a-zA-Z0-9-]+:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+";
    private static final List<String> TRACING_MODES = List.of("Active", "PassThrough");

    private final List<String> runtimes;

    FunctionValidator(List<String> runtimes) {
        this.runtimes = List.copyOf(runtimes);
    }

    void validateCreate(CreateFunctionRequest request) {
        if (request.functionName() == null
                || !NAME.matcher(request.functionName()).matches()) {
            throw validation(
                    request.functionName(),
                    "functionName",
                    request.functionName() == null
                            ? "Member must not be null"
                            : "Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+ and length 1-64");
        }
        if (request.role() == null || request.role().isBlank()) {
            throw validation(null, "role", "Member must not be null");
        }
        if (request.code() == null || request.code().zipFile() == null) {
            throw LambdaApiException.invalidParameter(
                    "Please provide a source for function code (ZipFile); S3 and image sources are not supported.");
        }
        if (request.packageType() != null && !request.packageType().equals("Zip")) {
            throw LambdaApiException.invalidParameter(
                    "PackageType " + request.packageType() + " is not supported; Ignis runs Zip packages.");
        }
        if (request.runtime() == null) {
            throw validation(null, "runtime", "Member must satisfy enum value set: " + runtimes);
        }
        if (request.handler() == null) {
            throw validation(null, "handler", "Member must satisfy regular expression pattern: [^\\s]+");
        }
        checkSettings(Settings.of(request));
    }

    void validateUpdate(UpdateFunctionConfigurationRequest request) {
        checkSettings(Settings.of(request));
    }

    /** The fields CreateFunction and UpdateFunctionConfiguration share; null means "not given". */
    private record Settings(
            String runtime,
            String handler,
            String role,
            String description,
            Integer memorySize,
            Integer timeout,
            Integer ephemeralStorage,
            Map<String, String> variables,
            String tracingMode,
            String deadLetterTarget,
            List<String> layers) {

        static Settings of(FunctionApi.ConfigurationFields request) {
            return new Settings(
                    request.runtime(),
                    request.handler(),
                    request.role(),
                    request.description(),
                    request.memorySize(),
                    request.timeout(),
                    request.ephemeralStorage() == null
                            ? null
                            : request.ephemeralStorage().size(),
                    request.environment() == null ? null : request.environment().variables(),
                    request.tracingConfig() == null
                            ? null
                            : request.tracingConfig().mode(),
                    request.deadLetterConfig() == null
                            ? null
                            : request.deadLetterConfig().targetArn(),
                    request.layers());
        }
    }

    private void checkSettings(Settings s) {
        if (s.runtime() != null && !runtimes.contains(s.runtime())) {
            throw validation(s.runtime(), "runtime", "Member must satisfy enum value set: " + runtimes);
        }
        if (s.handler() != null && !HANDLER.matcher(s.handler()).matches()) {
            throw validation(s.handler(), "handler", "Member must satisfy regular expression pattern: [^\\s]+");
        }
        if (s.role() != null && !s.role().matches(ROLE_PATTERN)) {
            throw validation(s.role(), "role", "Member must satisfy regular expression pattern: " + ROLE_PATTERN);
        }
        Constraints.range(s.memorySize(), "memorySize", 128, 10240);
        Constraints.range(s.timeout(), "timeout", 1, 900);
        Constraints.range(s.ephemeralStorage(), "ephemeralStorage.size", 512, 10240);
        if (s.description() != null && s.description().length() > 256) {
            throw validation(s.description(), "description", "Member must have length less than or equal to 256");
        }
        if (s.tracingMode() != null && !TRACING_MODES.contains(s.tracingMode())) {
            throw validation(
                    s.tracingMode(), "tracingConfig.mode", "Member must satisfy enum value set: " + TRACING_MODES);
        }
        if (s.deadLetterTarget() != null && !s.deadLetterTarget().matches(TARGET_PATTERN)) {
            throw validation(
                    s.deadLetterTarget(),
                    "deadLetterConfig.targetArn",
                    "Member must satisfy regular expression pattern: " + TARGET_PATTERN);
        }
        checkEnvironment(s.variables());
        checkLayers(s.layers());
    }

    private static void checkEnvironment(Map<String, String> variables) {
        if (variables == null) {
            return;
        }
        int bytes = 0;
        for (var entry : variables.entrySet()) {
            if (!ENV_KEY.matcher(entry.getKey()).matches()) {
                throw validation(
                        entry.getKey(),
                        "environment.variables",
                        "Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+");
            }
            bytes += entry.getKey().getBytes(StandardCharsets.UTF_8).length;
            bytes += entry.getValue() == null ? 0 : entry.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_ENVIRONMENT_BYTES) {
            throw LambdaApiException.invalidParameter("Lambda was unable to configure your environment variables"
                    + " because the environment variables you have provided exceeded the 4KB limit. String measured: "
                    + bytes);
        }
    }

    /**
     * The model's and AWS's limits on Layers; whether the versions exist is the layer feature's
     * answer ({@link LayerResolver}).
     */
    private static void checkLayers(List<String> layers) {
        if (layers == null || layers.isEmpty()) {
            return;
        }
        for (String arn : layers) {
            if (arn == null || arn.length() > 140 || !arn.matches(LAYER_PATTERN)) {
                throw validation(
                        "[" + arn + "]",
                        "layers",
                        "Member must satisfy constraint: [Member must have length less than or equal to 140,"
                                + " Member must have length greater than or equal to 1, Member must satisfy regular"
                                + " expression pattern: " + LAYER_PATTERN + ", Member must not be null]");
            }
        }
        if (layers.size() > MAX_LAYERS) {
            throw LambdaApiException.invalidParameter("Cannot reference more than 5 layers.");
        }
    }
}
