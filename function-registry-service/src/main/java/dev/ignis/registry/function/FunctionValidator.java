package dev.ignis.registry.function;

import static dev.ignis.registry.api.LambdaApiException.validation;

import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.function.FunctionApi.CreateFunctionRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks AWS makes on a function's settings, with AWS's error types: model constraints are a
 * {@code ValidationException}, semantic ones an {@code InvalidParameterValueException}.
 */
final class FunctionValidator {

    static final int MAX_ENVIRONMENT_BYTES = 4096;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern HANDLER = Pattern.compile("[^\\s]{1,128}");
    private static final Pattern ENV_KEY = Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");

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
        if (request.runtime() == null || !runtimes.contains(request.runtime())) {
            throw validation(request.runtime(), "runtime", "Member must satisfy enum value set: " + runtimes);
        }
        if (request.handler() == null || !HANDLER.matcher(request.handler()).matches()) {
            throw validation(request.handler(), "handler", "Member must satisfy regular expression pattern: [^\\s]+");
        }
        checkRange(request.memorySize(), "memorySize", 128, 10240);
        checkRange(request.timeout(), "timeout", 1, 900);
        if (request.ephemeralStorage() != null) {
            checkRange(request.ephemeralStorage().size(), "ephemeralStorage.size", 512, 10240);
        }
        if (request.description() != null && request.description().length() > 256) {
            throw validation(request.description(), "description", "Member must have length less than or equal to 256");
        }
        if (request.environment() != null) {
            checkEnvironment(request.environment().variables());
        }
    }

    private static void checkRange(Integer value, String field, int min, int max) {
        if (value == null) {
            return;
        }
        if (value < min) {
            throw validation(value, field, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw validation(value, field, "Member must have value less than or equal to " + max);
        }
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
}
