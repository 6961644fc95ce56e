package dev.ignis.registry.url;

import java.util.List;

/** The function URL operations' shapes, as the Lambda API (2021-10-31) names their fields. */
final class FunctionUrlApi {

    private FunctionUrlApi() {}

    record CreateFunctionUrlConfigRequest(String authType, Cors cors, String invokeMode) {}

    /** A null field leaves the setting as it is; a Cors replaces the whole Cors object. */
    record UpdateFunctionUrlConfigRequest(String authType, Cors cors, String invokeMode) {}

    /** AWS's Cors object; every member is optional. */
    record Cors(
            Boolean allowCredentials,
            List<String> allowHeaders,
            List<String> allowMethods,
            List<String> allowOrigins,
            List<String> exposeHeaders,
            Integer maxAge) {}

    /** CreateFunctionUrlConfig answers without LastModifiedTime, as AWS does. */
    record FunctionUrlConfig(
            String functionUrl,
            String functionArn,
            String authType,
            Cors cors,
            String creationTime,
            String lastModifiedTime,
            String invokeMode) {}

    record ListFunctionUrlConfigsResponse(List<FunctionUrlConfig> functionUrlConfigs, String nextMarker) {}
}
