package dev.ignis.registry;

import static dev.ignis.registry.Lambdas.ARN;
import static dev.ignis.registry.Lambdas.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetRuntimeManagementConfigResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.PutRuntimeManagementConfigResponse;
import software.amazon.awssdk.services.lambda.model.RecursiveLoop;
import software.amazon.awssdk.services.lambda.model.UpdateRuntimeOn;

/**
 * Architectures, ListFunctions with FunctionVersion=ALL, recursion and runtime management configs
 * through the AWS SDK. This registry serves both architectures (as a host operator may configure
 * it), so that arm64 is shown stored and returned; the refusal of an architecture the hosts do not
 * run is {@code ArchitecturesTest}'s and the e2e suite's.
 */
@TestPropertySource(properties = "ignis.registry.architectures=x86_64,arm64")
class FunctionSettingsIT extends RegistryIT {

    private static final String RUNTIME_ARN =
            "arn:aws:lambda:us-east-1::runtime:0f6e0fa7f2b1c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d0e1f2";

    @Test
    void storesAndReturnsTheArchitectureOfFunctionsAndVersions() {
        var created = lambda.createFunction(FunctionApiIT.create("graviton")
                .architectures(Architecture.ARM64)
                .publish(true)
                .build());
        assertThat(created.architectures()).containsExactly(Architecture.ARM64);
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("graviton"))
                        .architectures())
                .containsExactly(Architecture.ARM64);

        var moved = lambda.updateFunctionCode(b -> b.functionName("graviton")
                .zipFile(SdkBytes.fromByteArray(Zips.handler()))
                .architectures(Architecture.X86_64));
        assertThat(moved.architectures()).containsExactly(Architecture.X86_64);
        assertThat(lambda.getFunctionConfiguration(
                                b -> b.functionName("graviton").qualifier("1"))
                        .architectures())
                .as("version 1 keeps the architecture it was published with")
                .containsExactly(Architecture.ARM64);
        assertThat(lambda.createFunction(FunctionApiIT.create("plain").build()).architectures())
                .as("AWS's default")
                .containsExactly(Architecture.X86_64);

        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            List<ConsumerRecord<String, byte[]>> latest = topic.awaitRecords(ARN + "graviton", 3);
            assertThat(Lambdas.value(latest.getLast())
                            .path("snapshot")
                            .path("architectures")
                            .path(0)
                            .asString())
                    .as("the data plane sees the architecture")
                    .isEqualTo("x86_64");
            assertThat(Lambdas.value(topic.awaitRecords(ARN + "graviton:1", 1).getFirst())
                            .path("snapshot")
                            .path("architectures")
                            .path(0)
                            .asString())
                    .isEqualTo("arm64");
        }
    }

    @Test
    void refusesArchitecturesOutsideTheModel() {
        assertAwsError(
                () -> lambda.createFunction(FunctionApiIT.create("twice")
                        .architectures(Architecture.X86_64, Architecture.ARM64)
                        .build()),
                "ValidationException",
                400,
                "1 validation error detected: Value '[x86_64, arm64]' at 'architectures' failed to satisfy constraint:"
                        + " Member must have length less than or equal to 1");
        assertAwsError(
                () -> lambda.createFunction(FunctionApiIT.create("shouting")
                        .architecturesWithStrings("X86_64")
                        .build()),
                "ValidationException",
                400,
                "1 validation error detected: Value '[X86_64]' at 'architectures' failed to satisfy constraint:"
                        + " Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64],"
                        + " Member must not be null]");
        assertThat(lambda.listFunctions().functions())
                .as("nothing half-written")
                .isEmpty();
    }

    @Test
    void listsEveryVersionWithFunctionVersionAllInPages() {
        lambda.createFunction(FunctionApiIT.create("alpha").publish(true).build());
        lambda.updateFunctionConfiguration(b -> b.functionName("alpha").description("second"));
        lambda.publishVersion(b -> b.functionName("alpha"));
        lambda.createFunction(FunctionApiIT.create("beta").build());
        lambda.createFunction(FunctionApiIT.create("gamma").publish(true).build());

        List<String> all = lambda.listFunctions(b -> b.functionVersion("ALL")).functions().stream()
                .map(FunctionConfiguration::functionArn)
                .toList();
        assertThat(all)
                .containsExactly(
                        ARN + "alpha:$LATEST",
                        ARN + "alpha:1",
                        ARN + "alpha:2",
                        ARN + "beta:$LATEST",
                        ARN + "gamma:$LATEST",
                        ARN + "gamma:1");

        List<String> paged = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String from = marker;
            ListFunctionsResponse page = lambda.listFunctions(
                    b -> b.functionVersion("ALL").maxItems(2).marker(from));
            assertThat(page.functions()).hasSizeLessThanOrEqualTo(2);
            page.functions().forEach(f -> paged.add(f.functionArn()));
            marker = page.nextMarker();
            pages++;
        } while (marker != null);
        assertThat(paged).isEqualTo(all);
        assertThat(pages).isEqualTo(3);

        assertThat(lambda.listFunctions().functions())
                .extracting(FunctionConfiguration::functionArn)
                .as("without FunctionVersion, one unqualified entry per function")
                .containsExactly(ARN + "alpha", ARN + "beta", ARN + "gamma");
        assertThat(lambda.listFunctions(
                                b -> b.functionVersion("ALL").maxItems(1).marker(ARN + "alpha:2"))
                        .functions())
                .extracting(FunctionConfiguration::functionArn)
                .containsExactly(ARN + "beta:$LATEST");
        assertAwsError(
                () -> lambda.listFunctions(b -> b.functionVersion("invalid")),
                "ValidationException",
                400,
                "1 validation error detected: Value 'invalid' at 'functionVersion' failed to satisfy constraint:"
                        + " Member must satisfy enum value set: [ALL]");
        assertAwsError(
                () -> lambda.listFunctions(b -> b.functionVersion("ALL").marker("alpha")),
                "InvalidParameterValueException",
                400,
                "Invalid marker: alpha");
    }

    @Test
    void recursionConfigDefaultsToTerminateAndKeepsWhatWasPut() {
        lambda.createFunction(FunctionApiIT.create("looper").build());
        assertThat(lambda.getFunctionRecursionConfig(b -> b.functionName("looper"))
                        .recursiveLoop())
                .isEqualTo(RecursiveLoop.TERMINATE);

        assertThat(lambda.putFunctionRecursionConfig(
                                b -> b.functionName("looper").recursiveLoop(RecursiveLoop.ALLOW))
                        .recursiveLoop())
                .isEqualTo(RecursiveLoop.ALLOW);
        assertThat(lambda.getFunctionRecursionConfig(b -> b.functionName(ARN + "looper"))
                        .recursiveLoop())
                .isEqualTo(RecursiveLoop.ALLOW);

        assertAwsError(
                () -> lambda.putFunctionRecursionConfig(
                        b -> b.functionName("looper").recursiveLoop("InvalidValue")),
                "ValidationException",
                400,
                "1 validation error detected: Value 'InvalidValue' at 'recursiveLoop' failed to satisfy constraint:"
                        + " Member must satisfy enum value set: [Terminate, Allow]");
        assertAwsError(
                () -> lambda.getFunctionRecursionConfig(b -> b.functionName("nobody")),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "nobody");
        assertAwsError(
                () -> lambda.putFunctionRecursionConfig(
                        b -> b.functionName("nobody").recursiveLoop(RecursiveLoop.ALLOW)),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "nobody");

        lambda.deleteFunction(b -> b.functionName("looper"));
        lambda.createFunction(FunctionApiIT.create("looper").build());
        assertThat(lambda.getFunctionRecursionConfig(b -> b.functionName("looper"))
                        .recursiveLoop())
                .as("a deleted function's setting is gone with it")
                .isEqualTo(RecursiveLoop.TERMINATE);
    }

    @Test
    void runtimeManagementConfigPerLatestAndVersion() {
        lambda.createFunction(FunctionApiIT.create("pinned").publish(true).build());
        lambda.createAlias(b -> b.functionName("pinned").name("live").functionVersion("1"));

        GetRuntimeManagementConfigResponse initial = lambda.getRuntimeManagementConfig(b -> b.functionName("pinned"));
        assertThat(initial.updateRuntimeOn()).isEqualTo(UpdateRuntimeOn.AUTO);
        assertThat(initial.runtimeVersionArn()).isNull();
        assertThat(initial.functionArn()).isEqualTo(ARN + "pinned");

        PutRuntimeManagementConfigResponse manual = lambda.putRuntimeManagementConfig(b -> b.functionName("pinned")
                .qualifier("1")
                .updateRuntimeOn(UpdateRuntimeOn.MANUAL)
                .runtimeVersionArn(RUNTIME_ARN));
        assertThat(manual.updateRuntimeOn()).isEqualTo(UpdateRuntimeOn.MANUAL);
        assertThat(manual.runtimeVersionArn()).isEqualTo(RUNTIME_ARN);
        assertThat(manual.functionArn()).isEqualTo(ARN + "pinned:1");
        GetRuntimeManagementConfigResponse version =
                lambda.getRuntimeManagementConfig(b -> b.functionName("pinned").qualifier("1"));
        assertThat(version.updateRuntimeOn()).isEqualTo(UpdateRuntimeOn.MANUAL);
        assertThat(version.runtimeVersionArn()).isEqualTo(RUNTIME_ARN);
        assertThat(lambda.getRuntimeManagementConfig(b -> b.functionName("pinned"))
                        .updateRuntimeOn())
                .as("$LATEST has its own")
                .isEqualTo(UpdateRuntimeOn.AUTO);

        lambda.putRuntimeManagementConfig(
                b -> b.functionName("pinned").qualifier("$LATEST").updateRuntimeOn(UpdateRuntimeOn.FUNCTION_UPDATE));
        GetRuntimeManagementConfigResponse latest = lambda.getRuntimeManagementConfig(b -> b.functionName("pinned"));
        assertThat(latest.updateRuntimeOn()).isEqualTo(UpdateRuntimeOn.FUNCTION_UPDATE);
        assertThat(latest.runtimeVersionArn()).isNull();

        assertAwsError(
                () -> lambda.putRuntimeManagementConfig(
                        b -> b.functionName("pinned").updateRuntimeOn(UpdateRuntimeOn.MANUAL)),
                "InvalidParameterValueException",
                400,
                "RuntimeVersionArn is required when UpdateRuntimeOn is Manual.");
        assertAwsError(
                () -> lambda.putRuntimeManagementConfig(b -> b.functionName("pinned")
                        .updateRuntimeOn(UpdateRuntimeOn.AUTO)
                        .runtimeVersionArn(RUNTIME_ARN)),
                "InvalidParameterValueException",
                400,
                "RuntimeVersionArn can only be specified when UpdateRuntimeOn is Manual.");
        assertAwsError(
                () -> lambda.putRuntimeManagementConfig(b -> b.functionName("pinned")
                        .updateRuntimeOn(UpdateRuntimeOn.MANUAL)
                        .runtimeVersionArn("python3.12")),
                "ValidationException",
                400,
                "1 validation error detected: Value 'python3.12' at 'runtimeVersionArn' failed to satisfy constraint:"
                        + " Member must satisfy regular expression pattern:"
                        + " ^arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}::runtime:.+$");
        assertAwsError(
                () -> lambda.putRuntimeManagementConfig(
                        b -> b.functionName("pinned").updateRuntimeOn("Sometimes")),
                "ValidationException",
                400,
                "1 validation error detected: Value 'Sometimes' at 'updateRuntimeOn' failed to satisfy constraint:"
                        + " Member must satisfy enum value set: [Auto, Manual, FunctionUpdate]");
        assertAwsError(
                () -> lambda.getRuntimeManagementConfig(
                        b -> b.functionName("pinned").qualifier("live")),
                "InvalidParameterValueException",
                400,
                "The provided function name " + ARN + "pinned:live is invalid. Aliases are not allowed.");
        assertAwsError(
                () -> lambda.getRuntimeManagementConfig(
                        b -> b.functionName("pinned").qualifier("7")),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "pinned:7");
        assertAwsError(
                () -> lambda.getRuntimeManagementConfig(b -> b.functionName("nobody")),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "nobody");

        lambda.deleteAlias(b -> b.functionName("pinned").name("live"));
        lambda.deleteFunction(b -> b.functionName("pinned").qualifier("1"));
        lambda.publishVersion(b -> b.functionName("pinned").description("again"));
        assertAwsError(
                () -> lambda.getRuntimeManagementConfig(
                        b -> b.functionName("pinned").qualifier("1")),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "pinned:1");
    }
}
