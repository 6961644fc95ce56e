package dev.ignis.registry.function;

import java.util.List;
import java.util.Map;

/**
 * The request and response shapes of the function operations, field for field as the Lambda API
 * names them (the service's JSON naming turns {@code functionName} into {@code FunctionName}). A
 * null field of an update request means "leave unchanged".
 */
public final class FunctionApi {

    private FunctionApi() {}

    public record CreateFunctionRequest(
            String functionName,
            String runtime,
            String role,
            String handler,
            Code code,
            String description,
            Integer timeout,
            Integer memorySize,
            Environment environment,
            EphemeralStorage ephemeralStorage,
            TracingConfig tracingConfig,
            DeadLetterConfig deadLetterConfig,
            List<String> layers,
            List<String> architectures,
            String packageType,
            Boolean publish,
            Map<String, String> tags,
            String codeSigningConfigArn)
            implements ConfigurationFields {}

    public record Code(String zipFile, String s3Bucket, String s3Key, String imageUri) {}

    public record UpdateFunctionCodeRequest(
            String zipFile,
            String s3Bucket,
            String s3Key,
            String imageUri,
            Boolean publish,
            Boolean dryRun,
            String revisionId,
            List<String> architectures) {

        boolean publishes() {
            return Boolean.TRUE.equals(publish);
        }

        boolean isDryRun() {
            return Boolean.TRUE.equals(dryRun);
        }
    }

    public record UpdateFunctionConfigurationRequest(
            String role,
            String handler,
            String description,
            Integer timeout,
            Integer memorySize,
            Environment environment,
            String runtime,
            DeadLetterConfig deadLetterConfig,
            TracingConfig tracingConfig,
            String revisionId,
            List<String> layers,
            EphemeralStorage ephemeralStorage)
            implements ConfigurationFields {}

    /** The configuration fields CreateFunction and UpdateFunctionConfiguration share, validated alike. */
    public interface ConfigurationFields {
        String runtime();

        String handler();

        String role();

        String description();

        Integer memorySize();

        Integer timeout();

        EphemeralStorage ephemeralStorage();

        Environment environment();

        TracingConfig tracingConfig();

        DeadLetterConfig deadLetterConfig();

        List<String> layers();
    }

    public record Environment(Map<String, String> variables) {}

    public record EphemeralStorage(Integer size) {}

    public record TracingConfig(String mode) {}

    public record DeadLetterConfig(String targetArn) {}

    public record SnapStart(String applyOn, String optimizationStatus) {}

    public record LoggingConfig(String logFormat, String logGroup) {}

    public record FunctionConfiguration(
            String functionName,
            String functionArn,
            String runtime,
            String role,
            String handler,
            long codeSize,
            String description,
            int timeout,
            int memorySize,
            String lastModified,
            String codeSha256,
            String version,
            Environment environment,
            TracingConfig tracingConfig,
            DeadLetterConfig deadLetterConfig,
            String revisionId,
            String state,
            String lastUpdateStatus,
            String packageType,
            List<String> architectures,
            EphemeralStorage ephemeralStorage,
            SnapStart snapStart,
            LoggingConfig loggingConfig,
            List<Layer> layers) {}

    /** A layer as GetFunctionConfiguration shows it; null (left out) when the function has none. */
    public record Layer(String arn, long codeSize) {}

    public record CodeLocation(String repositoryType, String location) {}

    public record Concurrency(Integer reservedConcurrentExecutions) {}

    public record GetFunctionResponse(
            FunctionConfiguration configuration,
            CodeLocation code,
            Concurrency concurrency,
            Map<String, String> tags) {}

    public record ListFunctionsResponse(List<FunctionConfiguration> functions, String nextMarker) {}
}
