package dev.ignis.registry.function;

import java.util.List;
import java.util.Map;

/**
 * The request and response shapes of the function operations, field for field as the Lambda API
 * names them (the service's JSON naming turns {@code functionName} into {@code FunctionName}).
 */
final class FunctionApi {

    private FunctionApi() {}

    record CreateFunctionRequest(
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
            List<String> architectures,
            String packageType,
            Boolean publish,
            Map<String, String> tags) {}

    record Code(String zipFile, String s3Bucket, String s3Key, String imageUri) {}

    record Environment(Map<String, String> variables) {}

    record EphemeralStorage(Integer size) {}

    record TracingConfig(String mode) {}

    record SnapStart(String applyOn, String optimizationStatus) {}

    record LoggingConfig(String logFormat, String logGroup) {}

    record FunctionConfiguration(
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
            String revisionId,
            String state,
            String lastUpdateStatus,
            String packageType,
            List<String> architectures,
            EphemeralStorage ephemeralStorage,
            SnapStart snapStart,
            LoggingConfig loggingConfig) {}

    record CodeLocation(String repositoryType, String location) {}

    record GetFunctionResponse(FunctionConfiguration configuration, CodeLocation code, Map<String, String> tags) {}

    record ListFunctionsResponse(List<FunctionConfiguration> functions, String nextMarker) {}
}
