package dev.ignis.registry.codesigning;

import java.util.List;

/** The request and response shapes of the code signing operations, as the Lambda API names them. */
final class CodeSigningApi {

    private CodeSigningApi() {}

    record AllowedPublishers(List<String> signingProfileVersionArns) {}

    record CodeSigningPolicies(String untrustedArtifactOnDeployment) {}

    record CreateCodeSigningConfigRequest(
            String description,
            AllowedPublishers allowedPublishers,
            CodeSigningPolicies codeSigningPolicies,
            java.util.Map<String, String> tags) {}

    record UpdateCodeSigningConfigRequest(
            String description, AllowedPublishers allowedPublishers, CodeSigningPolicies codeSigningPolicies) {}

    record CodeSigningConfig(
            String codeSigningConfigId,
            String codeSigningConfigArn,
            String description,
            AllowedPublishers allowedPublishers,
            CodeSigningPolicies codeSigningPolicies,
            String lastModified) {}

    /** The answer of Create, Get and UpdateCodeSigningConfig. */
    record CodeSigningConfigResponse(CodeSigningConfig codeSigningConfig) {}

    record ListCodeSigningConfigsResponse(String nextMarker, List<CodeSigningConfig> codeSigningConfigs) {}

    record ListFunctionsByCodeSigningConfigResponse(String nextMarker, List<String> functionArns) {}

    record PutFunctionCodeSigningConfigRequest(String codeSigningConfigArn) {}

    /** Put's and Get's answer; both fields are left out for a function without a config. */
    record FunctionCodeSigningConfig(String codeSigningConfigArn, String functionName) {}
}
