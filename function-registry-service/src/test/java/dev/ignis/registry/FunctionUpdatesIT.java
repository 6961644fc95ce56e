package dev.ignis.registry;

import static dev.ignis.registry.Lambdas.ARN;
import static dev.ignis.registry.Lambdas.assertAwsError;
import static dev.ignis.registry.Lambdas.assertAwsErrorContaining;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TracingMode;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;
import tools.jackson.databind.JsonNode;

/** UpdateFunctionCode and UpdateFunctionConfiguration through the AWS SDK, with their change records. */
class FunctionUpdatesIT extends RegistryIT {

    private static final String LAST_MODIFIED = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000";
    private static final String STALE_REVISION = "The Revision Id provided does not match the latest Revision Id."
            + " Call the GetFunction/GetAlias API to retrieve the latest Revision Id";

    @Test
    void updatesEveryConfigurationSettingWithANewRevision() {
        String before =
                lambda.createFunction(FunctionApiIT.create("tuned").build()).revisionId();

        UpdateFunctionConfigurationResponse updated = lambda.updateFunctionConfiguration(b -> b.functionName("tuned")
                .memorySize(1024)
                .timeout(900)
                .ephemeralStorage(e -> e.size(10240))
                .description("tuned up")
                .handler("app.main")
                .runtime(Runtime.NODEJS22_X)
                .role("arn:aws:iam::000000000000:role/other")
                .environment(e -> e.variables(Map.of("MODE", "fast")))
                .tracingConfig(t -> t.mode(TracingMode.ACTIVE))
                .deadLetterConfig(d -> d.targetArn("arn:aws:sqs:us-east-1:000000000000:dlq")));

        assertThat(updated.memorySize()).isEqualTo(1024);
        assertThat(updated.timeout()).isEqualTo(900);
        assertThat(updated.ephemeralStorage().size()).isEqualTo(10240);
        assertThat(updated.description()).isEqualTo("tuned up");
        assertThat(updated.handler()).isEqualTo("app.main");
        assertThat(updated.runtime()).isEqualTo(Runtime.NODEJS22_X);
        assertThat(updated.role()).isEqualTo("arn:aws:iam::000000000000:role/other");
        assertThat(updated.environment().variables()).containsExactly(Map.entry("MODE", "fast"));
        assertThat(updated.tracingConfig().mode()).isEqualTo(TracingMode.ACTIVE);
        assertThat(updated.deadLetterConfig().targetArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:dlq");
        assertThat(updated.revisionId()).isNotBlank().isNotEqualTo(before);
        assertThat(updated.lastModified()).matches(LAST_MODIFIED);
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("tuned")))
                .returns(updated.revisionId(), GetFunctionConfigurationResponse::revisionId)
                .returns(1024, GetFunctionConfigurationResponse::memorySize);
    }

    @Test
    void anUpdateChangesOnlyWhatItNamesAndAnEmptyEnvironmentClearsIt() {
        lambda.createFunction(FunctionApiIT.create("partial")
                .timeout(30)
                .environment(e -> e.variables(Map.of("KEEP", "me")))
                .build());

        lambda.updateFunctionConfiguration(b -> b.functionName("partial").memorySize(512));
        var kept = lambda.getFunctionConfiguration(b -> b.functionName("partial"));
        assertThat(kept.timeout()).isEqualTo(30);
        assertThat(kept.environment().variables()).containsEntry("KEEP", "me");
        assertThat(kept.tracingConfig().mode()).isEqualTo(TracingMode.PASS_THROUGH);

        lambda.updateFunctionConfiguration(b -> b.functionName("partial")
                .environment(e -> e.variables(Map.of()))
                .deadLetterConfig(d -> d.targetArn("")));
        var cleared = lambda.getFunctionConfiguration(b -> b.functionName("partial"));
        assertThat(cleared.environment()).isNull();
        assertThat(cleared.deadLetterConfig()).isNull();
        assertThat(cleared.memorySize()).isEqualTo(512);
    }

    @Test
    void revisionIdGuardsBothUpdates() {
        String revision =
                lambda.createFunction(FunctionApiIT.create("raced").build()).revisionId();
        lambda.updateFunctionConfiguration(
                b -> b.functionName("raced").revisionId(revision).timeout(5));

        assertAwsError(
                () -> lambda.updateFunctionConfiguration(
                        b -> b.functionName("raced").revisionId(revision).timeout(6)),
                "PreconditionFailedException",
                412,
                STALE_REVISION);
        assertAwsError(
                () -> lambda.updateFunctionCode(b ->
                        b.functionName("raced").revisionId(revision).zipFile(SdkBytes.fromByteArray(Zips.handler()))),
                "PreconditionFailedException",
                412,
                STALE_REVISION);
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("raced")).timeout())
                .isEqualTo(5);
    }

    @Test
    void outOfRangeSettingsAreValidationErrors() {
        lambda.createFunction(FunctionApiIT.create("bounded").build());

        assertAwsErrorContaining(
                () -> lambda.updateFunctionConfiguration(
                        b -> b.functionName("bounded").memorySize(10241)),
                "ValidationException",
                400,
                "Value '10241' at 'memorySize' failed to satisfy constraint: Member must have value less than or"
                        + " equal to 10240");
        assertAwsErrorContaining(
                () -> lambda.updateFunctionConfiguration(
                        b -> b.functionName("bounded").timeout(0)),
                "ValidationException",
                400,
                "at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertAwsErrorContaining(
                () -> lambda.updateFunctionConfiguration(
                        b -> b.functionName("bounded").ephemeralStorage(e -> e.size(511))),
                "ValidationException",
                400,
                "at 'ephemeralStorage.size' failed to satisfy constraint");
        assertAwsErrorContaining(
                () -> lambda.updateFunctionConfiguration(
                        b -> b.functionName("bounded").tracingConfig(t -> t.mode("Sometimes"))),
                "ValidationException",
                400,
                "at 'tracingConfig.mode' failed to satisfy constraint: Member must satisfy enum value set");
        assertAwsErrorContaining(
                () -> lambda.updateFunctionConfiguration(
                        b -> b.functionName("bounded").role("admin")),
                "ValidationException",
                400,
                "Value 'admin' at 'role' failed to satisfy constraint");
        assertAwsErrorContaining(
                () -> lambda.updateFunctionConfiguration(
                        b -> b.functionName("bounded").runtime("cobol85")),
                "ValidationException",
                400,
                "at 'runtime' failed to satisfy constraint");
        assertAwsErrorContaining(
                () -> lambda.updateFunctionConfiguration(
                        b -> b.functionName("bounded").description("d".repeat(257))),
                "ValidationException",
                400,
                "at 'description' failed to satisfy constraint");
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("bounded"))
                        .memorySize())
                .isEqualTo(128);
    }

    @Test
    void environmentOverFourKilobytesAndUnknownLayersAreInvalidParameters() {
        lambda.createFunction(FunctionApiIT.create("layered").build());

        assertAwsErrorContaining(
                () -> lambda.updateFunctionConfiguration(
                        b -> b.functionName("layered").environment(e -> e.variables(Map.of("BIG", "x".repeat(4100))))),
                "InvalidParameterValueException",
                400,
                "exceeded the 4KB limit");
        String layer = "arn:aws:lambda:us-east-1:000000000000:layer:deps:1";
        assertAwsError(
                () -> lambda.updateFunctionConfiguration(
                        b -> b.functionName("layered").layers(layer)),
                "InvalidParameterValueException",
                400,
                "Layer version " + layer + " does not exist.");
        List<String> six = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> "arn:aws:lambda:us-east-1:000000000000:layer:l" + i + ":1")
                .toList();
        assertAwsError(
                () -> lambda.updateFunctionConfiguration(
                        b -> b.functionName("layered").layers(six)),
                "InvalidParameterValueException",
                400,
                "Cannot reference more than 5 layers.");
        assertAwsErrorContaining(
                () -> lambda.updateFunctionConfiguration(
                        b -> b.functionName("layered").layers("not-a-layer")),
                "ValidationException",
                400,
                "at 'layers' failed to satisfy constraint");
        assertThat(lambda.updateFunctionConfiguration(
                                b -> b.functionName("layered").layers(List.of()))
                        .layers())
                .isEmpty();
    }

    @Test
    void unknownFunctionsAreNotFound() {
        assertAwsError(
                () -> lambda.updateFunctionConfiguration(
                        b -> b.functionName("ghost").timeout(5)),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "ghost");
        assertAwsError(
                () -> lambda.updateFunctionCode(
                        b -> b.functionName("ghost").zipFile(SdkBytes.fromByteArray(Zips.handler()))),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "ghost");
    }

    @Test
    void updatesCodeAndPublishesWhenAsked() {
        var created = lambda.createFunction(FunctionApiIT.create("recoded").build());
        byte[] v2 = Zips.of("lambda_function.py", "def lambda_handler(event, context):\n    return 2\n");

        UpdateFunctionCodeResponse updated =
                lambda.updateFunctionCode(b -> b.functionName("recoded").zipFile(SdkBytes.fromByteArray(v2)));
        assertThat(updated.codeSha256()).isEqualTo(Base64.getEncoder().encodeToString(sha256(v2)));
        assertThat(updated.codeSize()).isEqualTo(v2.length);
        assertThat(updated.revisionId()).isNotEqualTo(created.revisionId());
        assertThat(updated.version()).isEqualTo("$LATEST");
        assertThat(lambda.getFunction(b -> b.functionName("recoded")).code().location())
                .contains(java.util.HexFormat.of().formatHex(sha256(v2)) + "?");

        byte[] v3 = Zips.of("lambda_function.py", "def lambda_handler(event, context):\n    return 3\n");
        UpdateFunctionCodeResponse published = lambda.updateFunctionCode(b ->
                b.functionName("recoded").zipFile(SdkBytes.fromByteArray(v3)).publish(true));
        assertThat(published.version()).isEqualTo("1");
        assertThat(published.functionArn()).isEqualTo(ARN + "recoded:1");
        assertThat(published.codeSha256()).isEqualTo(Base64.getEncoder().encodeToString(sha256(v3)));
    }

    @Test
    void dryRunChecksThePackageButChangesNothing() {
        var created = lambda.createFunction(FunctionApiIT.create("careful").build());
        byte[] v2 = Zips.of("lambda_function.py", "def lambda_handler(event, context):\n    return 'dry'\n");

        UpdateFunctionCodeResponse dry = lambda.updateFunctionCode(b ->
                b.functionName("careful").zipFile(SdkBytes.fromByteArray(v2)).dryRun(true));
        assertThat(dry.codeSha256()).isEqualTo(Base64.getEncoder().encodeToString(sha256(v2)));
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("careful")))
                .returns(created.codeSha256(), GetFunctionConfigurationResponse::codeSha256)
                .returns(created.revisionId(), GetFunctionConfigurationResponse::revisionId);

        assertAwsError(
                () -> lambda.updateFunctionCode(b -> b.functionName("careful")
                        .zipFile(SdkBytes.fromUtf8String("plain text"))
                        .dryRun(true)),
                "InvalidParameterValueException",
                400,
                "Could not unzip uploaded file. Please check your file, then try to upload again.");
        assertAwsErrorContaining(
                () -> lambda.updateFunctionCode(
                        b -> b.functionName("careful").zipFile(SdkBytes.fromByteArray(Zips.of("../escape.py", "x")))),
                "InvalidParameterValueException",
                400,
                "outside its root");
    }

    @Test
    void eachUpdatePublishesTheNewStateOfLatest() {
        String arn =
                lambda.createFunction(FunctionApiIT.create("watched").build()).functionArn();
        lambda.updateFunctionConfiguration(b -> b.functionName("watched").memorySize(2048));
        String revision = lambda.updateFunctionCode(
                        b -> b.functionName("watched").zipFile(SdkBytes.fromByteArray(Zips.of("x.py", "pass\n"))))
                .revisionId();

        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(arn, 3);
            JsonNode configured = Lambdas.value(records.get(1));
            assertThat(configured.path("type").asString()).isEqualTo("FUNCTION");
            assertThat(configured.path("snapshot").path("memorySizeMb").asInt()).isEqualTo(2048);
            JsonNode recoded = Lambdas.value(records.get(2));
            assertThat(recoded.path("revisionId").asString()).isEqualTo(revision);
            assertThat(recoded.path("snapshot").path("revisionId").asString()).isEqualTo(revision);
            assertThat(recoded.path("sequence").asLong())
                    .isGreaterThan(configured.path("sequence").asLong());
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
