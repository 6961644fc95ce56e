package dev.ignis.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignis.contracts.registry.RegistryChangeHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The function operations driven by the real AWS SDK for Java v2, with a real broker and database. */
class FunctionApiIT extends RegistryIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createsAFunctionWithAwsDefaultsAndReadsItBack() {
        CreateFunctionResponse created =
                lambda.createFunction(create("defaults").build());

        assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:defaults");
        assertThat(created.memorySize()).isEqualTo(128);
        assertThat(created.timeout()).isEqualTo(3);
        assertThat(created.ephemeralStorage().size()).isEqualTo(512);
        assertThat(created.version()).isEqualTo("$LATEST");
        assertThat(created.codeSize()).isEqualTo(Zips.handler().length);
        assertThat(created.codeSha256())
                .isEqualTo(java.util.Base64.getEncoder().encodeToString(sha256(Zips.handler())));
        assertThat(created.lastModified()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(created.revisionId()).isNotBlank();
        // As on AWS: Pending until the data plane serves it (read-your-writes; ReadYourWritesIT).
        assertThat(created.stateAsString()).isEqualTo("Pending");

        var fetched = lambda.getFunction(b -> b.functionName("defaults"));
        assertThat(fetched.configuration().revisionId()).isEqualTo(created.revisionId());
        assertThat(fetched.configuration().lastModified()).isEqualTo(created.lastModified());
        assertThat(fetched.configuration().codeSha256()).isEqualTo(created.codeSha256());
        assertThat(fetched.code().location())
                .contains("/ignis/v1/code/" + java.util.HexFormat.of().formatHex(sha256(Zips.handler()))
                        + "?X-Ignis-Expires=")
                .contains("&X-Ignis-Signature=");
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName(created.functionArn()))
                        .revisionId())
                .isEqualTo(created.revisionId());
    }

    @Test
    void environmentIsReturnedInClearButStoredSealed() {
        lambda.createFunction(create("secretive")
                .environment(e -> e.variables(Map.of("DB_PASSWORD", "hunter2")))
                .build());

        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("secretive"))
                        .environment()
                        .variables())
                .containsEntry("DB_PASSWORD", "hunter2");
        String stored =
                jdbc.queryForObject("select environment from lambda_function where name = 'secretive'", String.class);
        assertThat(stored).startsWith("v1:").doesNotContain("hunter2");
    }

    @Test
    void listsFunctionsInPages() {
        for (String name : List.of("page-a", "page-b", "page-c")) {
            lambda.createFunction(create(name).build());
        }
        ListFunctionsResponse first = lambda.listFunctions(b -> b.maxItems(2));
        assertThat(first.functions())
                .extracting(FunctionConfiguration::functionName)
                .containsExactly("page-a", "page-b");
        assertThat(first.nextMarker()).isNotNull();
        ListFunctionsResponse second = lambda.listFunctions(b -> b.maxItems(2).marker(first.nextMarker()));
        assertThat(second.functions())
                .extracting(FunctionConfiguration::functionName)
                .containsExactly("page-c");
        assertThat(second.nextMarker()).isNull();
    }

    @Test
    void refusesADuplicateWithResourceConflict() {
        lambda.createFunction(create("twice").build());
        assertThatThrownBy(() -> lambda.createFunction(create("twice").build()))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Function already exist: twice");
                });
    }

    @Test
    void unknownFunctionIsResourceNotFoundWithAwsMessage() {
        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("missing")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Function not found: arn:aws:lambda:us-east-1:000000000000:function:missing");
                });
        assertThatThrownBy(() -> lambda.deleteFunction(b -> b.functionName("missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void outOfRangeSettingsAreValidationErrorsAndCreateNothing() {
        assertValidationError(create("small").memorySize(127).build(), "memorySize");
        assertValidationError(create("slow").timeout(901).build(), "timeout");
        assertValidationError(create("cobol").runtime("cobol85").build(), "runtime");
        assertThat(lambda.listFunctions().functions()).isEmpty();
    }

    @Test
    void badPackagesAreInvalidParameterValue() {
        assertThatThrownBy(() -> lambda.createFunction(create("not-a-zip")
                        .code(c -> c.zipFile(SdkBytes.fromUtf8String("plain text")))
                        .build()))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                                e.awsErrorDetails().errorMessage())
                        .isEqualTo("Could not unzip uploaded file. Please check your file, then try to upload again."));
        assertThatThrownBy(() -> lambda.createFunction(create("escape")
                        .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.of("../../etc/cron.d/x", "boom"))))
                        .build()))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("outside its root");
        assertThat(lambda.listFunctions().functions()).isEmpty();
    }

    @Test
    void environmentOverFourKilobytesIsRefused() {
        assertThatThrownBy(() -> lambda.createFunction(create("chatty")
                        .environment(e -> e.variables(Map.of("BIG", "x".repeat(4100))))
                        .build()))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("exceeded the 4KB limit");
    }

    @Test
    void publishesASnapshotOnCreateAndATombstoneOnDelete() {
        String arn = lambda.createFunction(create("evented").build()).functionArn();
        lambda.deleteFunction(b -> b.functionName("evented"));

        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(arn, 2);
            ConsumerRecord<String, byte[]> created = records.get(0);
            assertThat(header(created, RegistryChangeHeaders.RESOURCE_TYPE)).isEqualTo("FUNCTION");
            JsonNode change = JsonMapper.builder().build().readTree(created.value());
            assertThat(change.path("type").asString()).isEqualTo("FUNCTION");
            assertThat(change.path("sequence").asLong())
                    .isEqualTo(Long.parseLong(header(created, RegistryChangeHeaders.SEQUENCE)));
            assertThat(change.path("snapshot").path("handler").asString()).isEqualTo("lambda_function.lambda_handler");
            assertThat(change.path("snapshot").path("codeSha256").asString()).isNotBlank();

            ConsumerRecord<String, byte[]> deleted = records.get(1);
            assertThat(deleted.value()).isNull();
            assertThat(header(deleted, RegistryChangeHeaders.RESOURCE_TYPE)).isEqualTo("FUNCTION");
            assertThat(Long.parseLong(header(deleted, RegistryChangeHeaders.SEQUENCE)))
                    .isGreaterThan(change.path("sequence").asLong());
        }
    }

    private void assertValidationError(CreateFunctionRequest request, String field) {
        assertThatThrownBy(() -> lambda.createFunction(request)).isInstanceOfSatisfying(LambdaException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).contains("at '" + field + "' failed to satisfy constraint");
        });
    }

    static CreateFunctionRequest.Builder create(String name) {
        return CreateFunctionRequest.builder()
                .functionName(name)
                .runtime(Runtime.PYTHON3_12)
                .handler("lambda_function.lambda_handler")
                .role("arn:aws:iam::000000000000:role/lambda")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.handler())));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
