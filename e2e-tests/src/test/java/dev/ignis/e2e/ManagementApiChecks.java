package dev.ignis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CodeSigningPolicy;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.RecursiveLoop;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.UpdateRuntimeOn;

/**
 * The management operations of #16 driven through the gateway with the AWS SDK: each one answers
 * as on AWS, and one refusal each shows the error crossing the gateway in AWS's shape. The
 * registry ITs cover every input; this proves the gateway routes and signs them all.
 */
final class ManagementApiChecks {

    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";
    private static final String PROFILE = "arn:aws:signer:us-east-1:000000000000:/signing-profiles/e2e";

    private final LambdaClient lambda;

    ManagementApiChecks(LambdaClient lambda) {
        this.lambda = lambda;
    }

    /** Architectures: the host's own is served, the other refused with nothing stored. */
    void architectures() {
        boolean armHost = System.getProperty("os.arch").toLowerCase(Locale.ROOT).matches("aarch64|arm64");
        String served = armHost ? "arm64" : "x86_64";
        String refused = armHost ? "x86_64" : "arm64";
        var configuration = lambda.getFunctionConfiguration(b -> b.functionName(lambda.createFunction(
                        function("e2e-arch").architecturesWithStrings(served).build())
                .functionName()));
        assertThat(configuration.architecturesAsStrings()).containsExactly(served);
        assertError(
                () -> lambda.createFunction(function("e2e-other-arch")
                        .architecturesWithStrings(refused)
                        .build()),
                "InvalidParameterValueException",
                400,
                "Architecture " + refused + " is not supported in us-east-1. Supported architectures: [" + served
                        + "].");
    }

    /** ListFunctions with FunctionVersion=ALL, in pages of one. */
    void listFunctionsWithEveryVersion() {
        lambda.publishVersion(b -> b.functionName("e2e-arch"));
        List<String> arns =
                lambda.listFunctionsPaginator(b -> b.functionVersion("ALL").maxItems(1)).functions().stream()
                        .map(FunctionConfiguration::functionArn)
                        .filter(arn -> arn.startsWith(ARN + "e2e-arch"))
                        .toList();
        assertThat(arns).containsExactly(ARN + "e2e-arch:$LATEST", ARN + "e2e-arch:1");
    }

    void recursionAndRuntimeManagement() {
        assertThat(lambda.getFunctionRecursionConfig(b -> b.functionName("e2e-arch"))
                        .recursiveLoop())
                .isEqualTo(RecursiveLoop.TERMINATE);
        lambda.putFunctionRecursionConfig(b -> b.functionName("e2e-arch").recursiveLoop(RecursiveLoop.ALLOW));
        assertThat(lambda.getFunctionRecursionConfig(b -> b.functionName("e2e-arch"))
                        .recursiveLoop())
                .isEqualTo(RecursiveLoop.ALLOW);

        String runtimeVersion = "arn:aws:lambda:us-east-1::runtime:"
                + "8eeff65f6809a3ce81507fe733fe09b835899b99481ba22fd75b5a7338290ec1";
        var put = lambda.putRuntimeManagementConfig(b -> b.functionName("e2e-arch")
                .qualifier("1")
                .updateRuntimeOn(UpdateRuntimeOn.MANUAL)
                .runtimeVersionArn(runtimeVersion));
        assertThat(put.functionArn()).isEqualTo(ARN + "e2e-arch:1");
        var get = lambda.getRuntimeManagementConfig(
                b -> b.functionName("e2e-arch").qualifier("1"));
        assertThat(get.updateRuntimeOn()).isEqualTo(UpdateRuntimeOn.MANUAL);
        assertThat(get.runtimeVersionArn()).isEqualTo(runtimeVersion);
        assertError(
                () -> lambda.putRuntimeManagementConfig(
                        b -> b.functionName("e2e-arch").updateRuntimeOn(UpdateRuntimeOn.MANUAL)),
                "InvalidParameterValueException",
                400,
                "RuntimeVersionArn is required when UpdateRuntimeOn is Manual.");
    }

    void layerVersionPermissions() {
        long version = lambda.publishLayerVersion(
                        b -> b.layerName("e2e-layer").content(c -> c.zipFile(zip("python/lib.py", "V = 1\n"))))
                .version();
        var added = lambda.addLayerVersionPermission(b -> b.layerName("e2e-layer")
                .versionNumber(version)
                .statementId("everyone")
                .action("lambda:GetLayerVersion")
                .principal("*"));
        assertThat(added.statement()).contains("\"Sid\":\"everyone\"");
        var policy = lambda.getLayerVersionPolicy(b -> b.layerName("e2e-layer").versionNumber(version));
        assertThat(policy.revisionId()).isEqualTo(added.revisionId());
        assertError(
                () -> lambda.addLayerVersionPermission(b -> b.layerName("e2e-layer")
                        .versionNumber(version)
                        .statementId("everyone")
                        .action("lambda:GetLayerVersion")
                        .principal("*")),
                "ResourceConflictException",
                409,
                "The statement id (everyone) provided already exists. Please provide a new statement id, or remove"
                        + " the existing statement.");
        lambda.removeLayerVersionPermission(b -> b.layerName("e2e-layer")
                .versionNumber(version)
                .statementId("everyone")
                .revisionId(added.revisionId()));
        assertError(
                () -> lambda.getLayerVersionPolicy(b -> b.layerName("e2e-layer").versionNumber(version)),
                "ResourceNotFoundException",
                404,
                "No policy is associated with the given resource.");
        lambda.deleteLayerVersion(b -> b.layerName("e2e-layer").versionNumber(version));
    }

    void codeSigningConfigs() {
        var created = lambda.createCodeSigningConfig(b -> b.description("e2e")
                        .allowedPublishers(p -> p.signingProfileVersionArns(PROFILE))
                        .codeSigningPolicies(p -> p.untrustedArtifactOnDeployment(CodeSigningPolicy.ENFORCE)))
                .codeSigningConfig();
        String arn = created.codeSigningConfigArn();
        assertThat(created.codeSigningConfigId()).matches("csc-[0-9a-f]{17}");
        assertThat(lambda.getCodeSigningConfig(b -> b.codeSigningConfigArn(arn))
                        .codeSigningConfig()
                        .description())
                .isEqualTo("e2e");
        assertThat(lambda.listCodeSigningConfigs(b -> {}).codeSigningConfigs())
                .extracting(c -> c.codeSigningConfigArn())
                .contains(arn);

        lambda.putFunctionCodeSigningConfig(b -> b.functionName("e2e-arch").codeSigningConfigArn(arn));
        assertThat(lambda.getFunctionCodeSigningConfig(b -> b.functionName("e2e-arch"))
                        .codeSigningConfigArn())
                .isEqualTo(arn);
        assertThat(lambda.listFunctionsByCodeSigningConfig(b -> b.codeSigningConfigArn(arn))
                        .functionArns())
                .containsExactly(ARN + "e2e-arch");
        assertError(
                () -> lambda.updateFunctionCode(
                        b -> b.functionName("e2e-arch").zipFile(zip("lambda_function.py", "x = 2\n"))),
                "CodeVerificationFailedException",
                400,
                "The code signature failed one or more of the validation checks for signature mismatch or expiry,"
                        + " and the code signing policy is set to ENFORCE. Lambda blocks the deployment.");

        lambda.updateCodeSigningConfig(b -> b.codeSigningConfigArn(arn)
                .codeSigningPolicies(p -> p.untrustedArtifactOnDeployment(CodeSigningPolicy.WARN)));
        lambda.updateFunctionCode(b -> b.functionName("e2e-arch").zipFile(zip("lambda_function.py", "x = 3\n")));

        lambda.deleteFunctionCodeSigningConfig(b -> b.functionName("e2e-arch"));
        lambda.deleteCodeSigningConfig(b -> b.codeSigningConfigArn(arn));
        assertError(
                () -> lambda.getCodeSigningConfig(b -> b.codeSigningConfigArn(arn)),
                "ResourceNotFoundException",
                404,
                "The Lambda code signing configuration " + arn + " can not be found.");
    }

    void cleanUp() {
        lambda.deleteFunction(b -> b.functionName("e2e-arch"));
    }

    private static CreateFunctionRequest.Builder function(String name) {
        SdkBytes zip = zip("lambda_function.py", "def lambda_handler(e, c):\n    return e\n");
        return CreateFunctionRequest.builder()
                .functionName(name)
                .runtime(Runtime.PYTHON3_12)
                .handler("lambda_function.lambda_handler")
                .role("arn:aws:iam::000000000000:role/lambda")
                .code(c -> c.zipFile(zip));
    }

    private static SdkBytes zip(String name, String content) {
        try {
            return SdkBytes.fromByteArray(TestStacks.zipOf(name, content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertError(ThrowingCallable call, String type, int status, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LambdaException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type);
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }
}
