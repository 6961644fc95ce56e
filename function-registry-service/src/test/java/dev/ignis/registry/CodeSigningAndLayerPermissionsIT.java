package dev.ignis.registry;

import static dev.ignis.registry.Lambdas.ARN;
import static dev.ignis.registry.Lambdas.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.AddLayerVersionPermissionResponse;
import software.amazon.awssdk.services.lambda.model.CodeSigningConfig;
import software.amazon.awssdk.services.lambda.model.CodeSigningPolicy;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionPolicyResponse;
import software.amazon.awssdk.services.lambda.model.ListCodeSigningConfigsResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Layer version permissions and code signing configs through the AWS SDK: their shapes, ids,
 * RevisionIds and AWS's errors, and what Enforce and Warn let a function deploy.
 */
class CodeSigningAndLayerPermissionsIT extends RegistryIT {

    private static final String LAYER = "arn:aws:lambda:us-east-1:000000000000:layer:";
    private static final String PROFILE = "arn:aws:signer:us-east-1:000000000000:/signing-profiles/test";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @AfterEach
    void deleteLayersAndConfigs() {
        lambda.listLayers().layers().forEach(layer -> lambda.listLayerVersions(b -> b.layerName(layer.layerName()))
                .layerVersions()
                .forEach(v -> lambda.deleteLayerVersion(
                        b -> b.layerName(layer.layerName()).versionNumber(v.version()))));
        Lambdas.deleteAll(lambda);
        lambda.listCodeSigningConfigs(b -> {})
                .codeSigningConfigs()
                .forEach(c -> lambda.deleteCodeSigningConfig(b -> b.codeSigningConfigArn(c.codeSigningConfigArn())));
    }

    @Test
    void layerVersionPolicyLifecycle() {
        publishLayer("shared");
        assertAwsError(
                () -> lambda.getLayerVersionPolicy(b -> b.layerName("shared").versionNumber(1L)),
                "ResourceNotFoundException",
                404,
                "No policy is associated with the given resource.");

        AddLayerVersionPermissionResponse everyone = lambda.addLayerVersionPermission(b -> b.layerName("shared")
                .versionNumber(1L)
                .statementId("s1")
                .action("lambda:GetLayerVersion")
                .principal("*"));
        assertThat(JSON.readTree(everyone.statement()))
                .isEqualTo(JSON.readTree("{\"Sid\":\"s1\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                        + "\"Action\":\"lambda:GetLayerVersion\",\"Resource\":\"" + LAYER + "shared:1\"}"));
        assertThat(everyone.revisionId()).isNotBlank();

        AddLayerVersionPermissionResponse account = lambda.addLayerVersionPermission(b -> b.layerName(LAYER + "shared")
                .versionNumber(1L)
                .statementId("xaccount")
                .action("lambda:GetLayerVersion")
                .principal("223456789012")
                .revisionId(everyone.revisionId()));
        assertThat(JSON.readTree(account.statement())
                        .path("Principal")
                        .path("AWS")
                        .asString())
                .isEqualTo("arn:aws:iam::223456789012:root");
        lambda.addLayerVersionPermission(b -> b.layerName("shared")
                .versionNumber(1L)
                .statementId("org")
                .action("lambda:GetLayerVersion")
                .principal("*")
                .organizationId("o-t194hfs8cz"));

        GetLayerVersionPolicyResponse policy =
                lambda.getLayerVersionPolicy(b -> b.layerName("shared").versionNumber(1L));
        JsonNode document = JSON.readTree(policy.policy());
        assertThat(document.path("Version").asString()).isEqualTo("2012-10-17");
        assertThat(document.path("Id").asString()).isEqualTo("default");
        assertThat(document.path("Statement").findValuesAsString("Sid")).containsExactly("s1", "xaccount", "org");
        assertThat(document.path("Statement")
                        .get(2)
                        .path("Condition")
                        .path("StringEquals")
                        .path("aws:PrincipalOrgID")
                        .asString())
                .isEqualTo("o-t194hfs8cz");

        assertAwsError(
                () -> lambda.addLayerVersionPermission(b -> b.layerName("shared")
                        .versionNumber(1L)
                        .statementId("s1")
                        .action("lambda:GetLayerVersion")
                        .principal("*")),
                "ResourceConflictException",
                409,
                "The statement id (s1) provided already exists. Please provide a new statement id, or remove the"
                        + " existing statement.");
        assertAwsError(
                () -> lambda.addLayerVersionPermission(b -> b.layerName("shared")
                        .versionNumber(1L)
                        .statementId("s9")
                        .action("lambda:GetLayerVersion")
                        .principal("*")
                        .revisionId(everyone.revisionId())),
                "PreconditionFailedException",
                412,
                "The Revision Id provided does not match the latest Revision Id. Call the GetLayerPolicy API to"
                        + " retrieve the latest Revision Id");
        assertAwsError(
                () -> lambda.removeLayerVersionPermission(b -> b.layerName("shared")
                        .versionNumber(1L)
                        .statementId("s1")
                        .revisionId(everyone.revisionId())),
                "PreconditionFailedException",
                412,
                "The Revision Id provided does not match the latest Revision Id. Call the GetLayerPolicy API to"
                        + " retrieve the latest Revision Id");

        lambda.removeLayerVersionPermission(b ->
                b.layerName("shared").versionNumber(1L).statementId("xaccount").revisionId(policy.revisionId()));
        GetLayerVersionPolicyResponse after =
                lambda.getLayerVersionPolicy(b -> b.layerName("shared").versionNumber(1L));
        assertThat(JSON.readTree(after.policy()).path("Statement").findValuesAsString("Sid"))
                .containsExactly("s1", "org");
        assertThat(after.revisionId()).isNotEqualTo(policy.revisionId());
        assertAwsError(
                () -> lambda.removeLayerVersionPermission(
                        b -> b.layerName("shared").versionNumber(1L).statementId("doesnotexist")),
                "ResourceNotFoundException",
                404,
                "Statement doesnotexist is not found in resource policy.");

        lambda.removeLayerVersionPermission(
                b -> b.layerName("shared").versionNumber(1L).statementId("s1"));
        lambda.removeLayerVersionPermission(
                b -> b.layerName("shared").versionNumber(1L).statementId("org"));
        assertAwsError(
                () -> lambda.getLayerVersionPolicy(b -> b.layerName("shared").versionNumber(1L)),
                "ResourceNotFoundException",
                404,
                "No policy is associated with the given resource.");
    }

    @Test
    void layerPermissionsRefuseBadInputAndMissingVersions() {
        publishLayer("strict");
        assertAwsError(
                () -> lambda.addLayerVersionPermission(b -> b.layerName("strict")
                        .versionNumber(1L)
                        .statementId("s1")
                        .action("*")
                        .principal("*")),
                "ValidationException",
                400,
                "1 validation error detected: Value '*' at 'action' failed to satisfy constraint: Member must"
                        + " satisfy regular expression pattern: lambda:GetLayerVersion");
        assertAwsError(
                () -> lambda.addLayerVersionPermission(b -> b.layerName("strict")
                        .versionNumber(1L)
                        .statementId("s1")
                        .action("lambda:GetLayerVersion")
                        .principal("someone")),
                "ValidationException",
                400,
                "1 validation error detected: Value 'someone' at 'principal' failed to satisfy constraint: Member"
                        + " must satisfy regular expression pattern: \\d{12}|\\*|arn:(aws[a-zA-Z-]*):iam::\\d{12}:root");
        assertAwsError(
                () -> lambda.addLayerVersionPermission(b -> b.layerName("strict")
                        .versionNumber(2L)
                        .statementId("s1")
                        .action("lambda:GetLayerVersion")
                        .principal("*")),
                "ResourceNotFoundException",
                404,
                "Layer version " + LAYER + "strict:2 does not exist.");
        assertAwsError(
                () -> lambda.getLayerVersionPolicy(b -> b.layerName("missing").versionNumber(1L)),
                "ResourceNotFoundException",
                404,
                "Layer version " + LAYER + "missing:1 does not exist.");
        assertAwsError(
                () -> lambda.removeLayerVersionPermission(
                        b -> b.layerName("missing").versionNumber(1L).statementId("s1")),
                "ResourceNotFoundException",
                404,
                "Layer version " + LAYER + "missing:1 does not exist.");

        List<Integer> added = new ArrayList<>();
        Lambdas.assertAwsErrorContaining(
                () -> {
                    for (int i = 0; i < 200; i++) {
                        int n = i;
                        lambda.addLayerVersionPermission(b -> b.layerName("strict")
                                .versionNumber(1L)
                                .statementId("statement-with-a-rather-long-identifier-" + n)
                                .action("lambda:GetLayerVersion")
                                .principal("*"));
                        added.add(n);
                    }
                },
                "PolicyLengthExceededException",
                400,
                "is bigger than the limit (20480).");
        assertThat(JSON.readTree(lambda.getLayerVersionPolicy(
                                        b -> b.layerName("strict").versionNumber(1L))
                                .policy())
                        .path("Statement")
                        .size())
                .as("the refused statement was not stored")
                .isEqualTo(added.size());

        lambda.deleteLayerVersion(b -> b.layerName("strict").versionNumber(1L));
        publishLayer("strict");
        assertAwsError(
                () -> lambda.getLayerVersionPolicy(b -> b.layerName("strict").versionNumber(2L)),
                "ResourceNotFoundException",
                404,
                "No policy is associated with the given resource.");
    }

    @Test
    void codeSigningConfigLifecycle() {
        CodeSigningConfig created = lambda.createCodeSigningConfig(b -> b.description("Testing CodeSigning Config")
                        .allowedPublishers(p -> p.signingProfileVersionArns(PROFILE))
                        .codeSigningPolicies(p -> p.untrustedArtifactOnDeployment(CodeSigningPolicy.ENFORCE)))
                .codeSigningConfig();
        assertThat(created.codeSigningConfigId()).matches("csc-[0-9a-f]{17}");
        assertThat(created.codeSigningConfigArn())
                .isEqualTo(
                        "arn:aws:lambda:us-east-1:000000000000:code-signing-config:" + created.codeSigningConfigId());
        assertThat(created.allowedPublishers().signingProfileVersionArns()).containsExactly(PROFILE);
        assertThat(created.codeSigningPolicies().untrustedArtifactOnDeployment())
                .isEqualTo(CodeSigningPolicy.ENFORCE);
        assertThat(created.lastModified()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        String arn = created.codeSigningConfigArn();

        CodeSigningConfig updated = lambda.updateCodeSigningConfig(b -> b.codeSigningConfigArn(arn)
                        .codeSigningPolicies(p -> p.untrustedArtifactOnDeployment(CodeSigningPolicy.WARN)))
                .codeSigningConfig();
        assertThat(updated.codeSigningPolicies().untrustedArtifactOnDeployment())
                .isEqualTo(CodeSigningPolicy.WARN);
        assertThat(updated.description())
                .as("what the update left out is kept")
                .isEqualTo("Testing CodeSigning Config");
        assertThat(lambda.getCodeSigningConfig(b -> b.codeSigningConfigArn(arn)).codeSigningConfig())
                .isEqualTo(updated);
        CodeSigningConfig defaults = lambda.createCodeSigningConfig(
                        b -> b.allowedPublishers(p -> p.signingProfileVersionArns(PROFILE)))
                .codeSigningConfig();
        assertThat(defaults.codeSigningPolicies().untrustedArtifactOnDeployment())
                .isEqualTo(CodeSigningPolicy.WARN);
        assertThat(defaults.description()).isEmpty();

        List<String> ids = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListCodeSigningConfigsResponse page =
                    lambda.listCodeSigningConfigs(b -> b.maxItems(1).marker(from));
            page.codeSigningConfigs().forEach(c -> ids.add(c.codeSigningConfigId()));
            marker = page.nextMarker();
        } while (marker != null);
        assertThat(ids)
                .containsExactlyElementsOf(
                        List.of(created.codeSigningConfigId(), defaults.codeSigningConfigId()).stream()
                                .sorted()
                                .toList());

        lambda.createFunction(FunctionApiIT.create("signed").build());
        lambda.createFunction(FunctionApiIT.create("unsigned").build());
        assertThat(lambda.getFunctionCodeSigningConfig(b -> b.functionName("unsigned"))
                        .codeSigningConfigArn())
                .isNull();
        var put = lambda.putFunctionCodeSigningConfig(
                b -> b.functionName("signed").codeSigningConfigArn(arn));
        assertThat(put.codeSigningConfigArn()).isEqualTo(arn);
        assertThat(put.functionName()).isEqualTo("signed");
        var get = lambda.getFunctionCodeSigningConfig(b -> b.functionName(ARN + "signed"));
        assertThat(get.codeSigningConfigArn()).isEqualTo(arn);
        assertThat(get.functionName()).isEqualTo("signed");
        assertThat(lambda.listFunctionsByCodeSigningConfig(b -> b.codeSigningConfigArn(arn))
                        .functionArns())
                .containsExactly(ARN + "signed");
        assertAwsError(
                () -> lambda.deleteCodeSigningConfig(b -> b.codeSigningConfigArn(arn)),
                "ResourceConflictException",
                409,
                "The code signing configuration " + arn + " cannot be deleted because it is used by functions.");

        lambda.deleteFunctionCodeSigningConfig(b -> b.functionName("signed"));
        assertThat(lambda.listFunctionsByCodeSigningConfig(b -> b.codeSigningConfigArn(arn))
                        .functionArns())
                .isEmpty();
        lambda.deleteCodeSigningConfig(b -> b.codeSigningConfigArn(arn));
        assertAwsError(
                () -> lambda.getCodeSigningConfig(b -> b.codeSigningConfigArn(arn)),
                "ResourceNotFoundException",
                404,
                "The Lambda code signing configuration " + arn + " can not be found.");
    }

    @Test
    void codeSigningRefusesUnknownConfigsFunctionsAndBadInput() {
        String unknown = "arn:aws:lambda:us-east-1:000000000000:code-signing-config:csc-0123456789abcdef0";
        String notFound = "The Lambda code signing configuration " + unknown + " can not be found.";
        assertAwsError(
                () -> lambda.getCodeSigningConfig(b -> b.codeSigningConfigArn(unknown)),
                "ResourceNotFoundException",
                404,
                notFound);
        assertAwsError(
                () -> lambda.updateCodeSigningConfig(
                        b -> b.codeSigningConfigArn(unknown).description("x")),
                "ResourceNotFoundException",
                404,
                notFound);
        assertAwsError(
                () -> lambda.deleteCodeSigningConfig(b -> b.codeSigningConfigArn(unknown)),
                "ResourceNotFoundException",
                404,
                notFound);
        assertAwsError(
                () -> lambda.listFunctionsByCodeSigningConfig(b -> b.codeSigningConfigArn(unknown)),
                "ResourceNotFoundException",
                404,
                notFound);
        assertAwsError(
                () -> lambda.putFunctionCodeSigningConfig(
                        b -> b.functionName("csc-test-doesnotexist").codeSigningConfigArn(unknown)),
                "CodeSigningConfigNotFoundException",
                404,
                "The code signing configuration cannot be found. Check that the provided configuration is not"
                        + " deleted: " + unknown + ".");
        String real = lambda.createCodeSigningConfig(
                        b -> b.allowedPublishers(p -> p.signingProfileVersionArns(PROFILE)))
                .codeSigningConfig()
                .codeSigningConfigArn();
        String missingFunction = "Function not found: " + ARN + "csc-test-doesnotexist";
        assertAwsError(
                () -> lambda.putFunctionCodeSigningConfig(
                        b -> b.functionName("csc-test-doesnotexist").codeSigningConfigArn(real)),
                "ResourceNotFoundException",
                404,
                missingFunction);
        assertAwsError(
                () -> lambda.getFunctionCodeSigningConfig(b -> b.functionName("csc-test-doesnotexist")),
                "ResourceNotFoundException",
                404,
                missingFunction);
        assertAwsError(
                () -> lambda.deleteFunctionCodeSigningConfig(b -> b.functionName("csc-test-doesnotexist")),
                "ResourceNotFoundException",
                404,
                missingFunction);
        assertAwsError(
                () -> lambda.getCodeSigningConfig(b -> b.codeSigningConfigArn("csc-123")),
                "ValidationException",
                400,
                "1 validation error detected: Value 'csc-123' at 'codeSigningConfigArn' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern:"
                        + " arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:"
                        + "code-signing-config:csc-[a-z0-9]{17}");
        assertAwsError(
                () -> lambda.createCodeSigningConfig(b -> b.allowedPublishers(p -> p.signingProfileVersionArns(PROFILE))
                        .codeSigningPolicies(p -> p.untrustedArtifactOnDeployment("Block"))),
                "ValidationException",
                400,
                "1 validation error detected: Value 'Block' at 'codeSigningPolicies.untrustedArtifactOnDeployment'"
                        + " failed to satisfy constraint: Member must satisfy enum value set: [Warn, Enforce]");
        assertAwsError(
                () -> lambda.createCodeSigningConfig(b -> b.allowedPublishers(p -> p.signingProfileVersionArns())),
                "ValidationException",
                400,
                "1 validation error detected: Value '[]' at 'allowedPublishers.signingProfileVersionArns' failed to"
                        + " satisfy constraint: Member must have length greater than or equal to 1");
        assertThat(lambda.listCodeSigningConfigs(b -> {}).codeSigningConfigs())
                .as("only the one created")
                .hasSize(1);
    }

    @Test
    void enforceRefusesUnsignedCodeAndWarnLetsItThrough() {
        String enforce = lambda.createCodeSigningConfig(
                        b -> b.allowedPublishers(p -> p.signingProfileVersionArns(PROFILE))
                                .codeSigningPolicies(p -> p.untrustedArtifactOnDeployment(CodeSigningPolicy.ENFORCE)))
                .codeSigningConfig()
                .codeSigningConfigArn();
        String warn = lambda.createCodeSigningConfig(
                        b -> b.allowedPublishers(p -> p.signingProfileVersionArns(PROFILE)))
                .codeSigningConfig()
                .codeSigningConfigArn();
        String refused = "The code signature failed one or more of the validation checks for signature mismatch or"
                + " expiry, and the code signing policy is set to ENFORCE. Lambda blocks the deployment.";

        assertAwsError(
                () -> lambda.createFunction(FunctionApiIT.create("blocked")
                        .codeSigningConfigArn(enforce)
                        .build()),
                "CodeVerificationFailedException",
                400,
                refused);
        assertThat(lambda.listFunctions().functions())
                .as("nothing half-written")
                .isEmpty();
        assertThat(lambda.listFunctionsByCodeSigningConfig(b -> b.codeSigningConfigArn(enforce))
                        .functionArns())
                .isEmpty();

        lambda.createFunction(
                FunctionApiIT.create("warned").codeSigningConfigArn(warn).build());
        assertThat(lambda.getFunctionCodeSigningConfig(b -> b.functionName("warned"))
                        .codeSigningConfigArn())
                .isEqualTo(warn);
        lambda.updateFunctionCode(
                b -> b.functionName("warned").zipFile(SdkBytes.fromByteArray(Zips.of("lambda_function.py", "x = 1"))));

        lambda.putFunctionCodeSigningConfig(b -> b.functionName("warned").codeSigningConfigArn(enforce));
        String before =
                lambda.getFunctionConfiguration(b -> b.functionName("warned")).codeSha256();
        assertAwsError(
                () -> lambda.updateFunctionCode(b -> b.functionName("warned")
                        .zipFile(SdkBytes.fromByteArray(Zips.of("lambda_function.py", "x = 2")))),
                "CodeVerificationFailedException",
                400,
                refused);
        String layer = publishLayer("unsigned-layer");
        assertAwsError(
                () -> lambda.updateFunctionConfiguration(
                        b -> b.functionName("warned").layers(layer)),
                "CodeVerificationFailedException",
                400,
                refused);
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("warned")))
                .satisfies(f -> assertThat(f.codeSha256()).isEqualTo(before))
                .satisfies(f -> assertThat(f.layers()).isEmpty());
        lambda.updateFunctionConfiguration(b -> b.functionName("warned").description("settings still change"));

        lambda.deleteFunction(b -> b.functionName("warned"));
        assertThat(lambda.listFunctionsByCodeSigningConfig(b -> b.codeSigningConfigArn(enforce))
                        .functionArns())
                .as("a deleted function uses no config")
                .isEmpty();
    }

    private String publishLayer(String name) {
        return lambda.publishLayerVersion(b -> b.layerName(name)
                        .content(c -> c.zipFile(SdkBytes.fromByteArray(Zips.of("python/lib.py", "V = 1\n")))))
                .layerVersionArn();
    }
}
