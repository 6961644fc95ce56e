package dev.ignis.registry;

import static dev.ignis.registry.Lambdas.ARN;
import static dev.ignis.registry.Lambdas.assertAwsError;
import static dev.ignis.registry.Lambdas.assertAwsErrorContaining;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.RegistryChangeHeaders;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.CreateFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.FunctionUrlConfig;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.InvokeMode;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionUrlConfigResponse;
import tools.jackson.databind.JsonNode;

/** The function URL operations through the AWS SDK, and the changes the gateway builds its URL index from. */
class FunctionUrlIT extends RegistryIT {

    private static final String URL = "http://[a-z0-9]{32}\\.lambda-url\\.us-east-1\\.localhost:8080/";
    private static final String ISO_MICROS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";
    private static final String NO_RESOURCE = "The resource you requested does not exist.";

    @Test
    void createsReadsUpdatesListsAndDeletesUrls() {
        lambda.createFunction(FunctionApiIT.create("web").build());

        CreateFunctionUrlConfigResponse created = lambda.createFunctionUrlConfig(
                b -> b.functionName("web").authType(FunctionUrlAuthType.NONE).cors(c -> c.allowOrigins(
                                "https://example.com")
                        .allowMethods("GET", "POST")
                        .maxAge(300)));

        assertThat(created.functionUrl()).matches(URL);
        assertThat(created.functionArn()).isEqualTo(ARN + "web");
        assertThat(created.authType()).isEqualTo(FunctionUrlAuthType.NONE);
        assertThat(created.invokeMode()).isEqualTo(InvokeMode.BUFFERED);
        assertThat(created.cors().allowOrigins()).containsExactly("https://example.com");
        assertThat(created.cors().maxAge()).isEqualTo(300);
        assertThat(created.creationTime()).matches(ISO_MICROS);

        GetFunctionUrlConfigResponse fetched = lambda.getFunctionUrlConfig(b -> b.functionName(ARN + "web"));
        assertThat(fetched.functionUrl()).isEqualTo(created.functionUrl());
        assertThat(fetched.creationTime()).isEqualTo(created.creationTime());
        assertThat(fetched.lastModifiedTime()).matches(ISO_MICROS);

        UpdateFunctionUrlConfigResponse updated = lambda.updateFunctionUrlConfig(b ->
                b.functionName("web").authType(FunctionUrlAuthType.AWS_IAM).invokeMode(InvokeMode.RESPONSE_STREAM));
        assertThat(updated.functionUrl()).as("the url id is kept").isEqualTo(created.functionUrl());
        assertThat(updated.creationTime()).isEqualTo(created.creationTime());
        assertThat(updated.authType()).isEqualTo(FunctionUrlAuthType.AWS_IAM);
        assertThat(updated.invokeMode()).isEqualTo(InvokeMode.RESPONSE_STREAM);
        assertThat(updated.cors().allowMethods()).as("Cors left out stays").containsExactly("GET", "POST");

        lambda.publishVersion(b -> b.functionName("web"));
        lambda.createAlias(b -> b.functionName("web").name("live").functionVersion("1"));
        var aliased = lambda.createFunctionUrlConfig(
                b -> b.functionName("web").qualifier("live").authType(FunctionUrlAuthType.NONE));
        assertThat(aliased.functionArn()).isEqualTo(ARN + "web:live");
        assertThat(aliased.functionUrl()).matches(URL).isNotEqualTo(created.functionUrl());
        assertThat(aliased.cors()).isNull();

        assertThat(lambda.listFunctionUrlConfigs(b -> b.functionName("web")).functionUrlConfigs())
                .extracting(FunctionUrlConfig::functionArn)
                .containsExactly(ARN + "web", ARN + "web:live");
        var firstPage = lambda.listFunctionUrlConfigs(b -> b.functionName("web").maxItems(1));
        assertThat(firstPage.functionUrlConfigs()).hasSize(1);
        assertThat(lambda.listFunctionUrlConfigs(b -> b.functionName("web").marker(firstPage.nextMarker()))
                        .functionUrlConfigs())
                .extracting(FunctionUrlConfig::functionArn)
                .containsExactly(ARN + "web:live");

        lambda.deleteFunctionUrlConfig(b -> b.functionName("web:live"));
        assertAwsError(
                () -> lambda.getFunctionUrlConfig(b -> b.functionName("web").qualifier("live")),
                "ResourceNotFoundException",
                404,
                NO_RESOURCE);
        assertThat(lambda.getFunctionUrlConfig(b -> b.functionName("web")).functionUrl())
                .isEqualTo(created.functionUrl());
    }

    @Test
    void badRequestsAreRefusedWithAwsErrors() {
        assertAwsError(
                () -> lambda.createFunctionUrlConfig(
                        b -> b.functionName("nobody").authType(FunctionUrlAuthType.NONE)),
                "ResourceNotFoundException",
                404,
                "Function does not exist");
        assertAwsError(
                () -> lambda.getFunctionUrlConfig(b -> b.functionName("nobody")),
                "ResourceNotFoundException",
                404,
                NO_RESOURCE);
        assertAwsError(
                () -> lambda.listFunctionUrlConfigs(b -> b.functionName("nobody")),
                "ResourceNotFoundException",
                404,
                "Function does not exist");

        lambda.createFunction(FunctionApiIT.create("strict").build());
        lambda.publishVersion(b -> b.functionName("strict"));
        assertAwsError(
                () -> lambda.createFunctionUrlConfig(
                        b -> b.functionName("strict").qualifier("$LATEST").authType(FunctionUrlAuthType.NONE)),
                "ValidationException",
                400,
                "1 validation error detected: Value '$LATEST' at 'qualifier' failed to satisfy constraint: Member"
                        + " must satisfy regular expression pattern: ((?!^\\d+$)^[0-9a-zA-Z-_]+$)");
        assertAwsError(
                () -> lambda.createFunctionUrlConfig(
                        b -> b.functionName("strict").qualifier("1").authType(FunctionUrlAuthType.NONE)),
                "ValidationException",
                400,
                "1 validation error detected: Value '1' at 'qualifier' failed to satisfy constraint: Member must"
                        + " satisfy regular expression pattern: (^\\$LATEST$)|((?!^[0-9]+$)([a-zA-Z0-9-_]+))");
        assertAwsError(
                () -> lambda.createFunctionUrlConfig(b -> b.functionName("strict")),
                "ValidationException",
                400,
                "1 validation error detected: Value null at 'authType' failed to satisfy constraint: Member must not"
                        + " be null");
        assertAwsError(
                () -> lambda.createFunctionUrlConfig(
                        b -> b.functionName("strict").authType("BASIC")),
                "ValidationException",
                400,
                "1 validation error detected: Value 'BASIC' at 'authType' failed to satisfy constraint: Member must"
                        + " satisfy enum value set: [AWS_IAM, NONE]");
        assertAwsErrorContaining(
                () -> lambda.createFunctionUrlConfig(b -> b.functionName("strict")
                        .authType(FunctionUrlAuthType.NONE)
                        .invokeMode("EAGER")),
                "ValidationException",
                400,
                "at 'invokeMode' failed to satisfy constraint: Member must satisfy enum value set:"
                        + " [RESPONSE_STREAM, BUFFERED]");
        assertAwsError(
                () -> lambda.createFunctionUrlConfig(b -> b.functionName("strict")
                        .authType(FunctionUrlAuthType.NONE)
                        .cors(c -> c.maxAge(86_401))),
                "ValidationException",
                400,
                "1 validation error detected: Value '86401' at 'cors.maxAge' failed to satisfy constraint: Member"
                        + " must have value less than or equal to 86400");
        assertAwsError(
                () -> lambda.createFunctionUrlConfig(
                        b -> b.functionName("strict").qualifier("ghost").authType(FunctionUrlAuthType.NONE)),
                "ResourceNotFoundException",
                404,
                "Function does not exist");

        lambda.createFunctionUrlConfig(b -> b.functionName("strict").authType(FunctionUrlAuthType.NONE));
        assertAwsError(
                () -> lambda.createFunctionUrlConfig(
                        b -> b.functionName("strict").authType(FunctionUrlAuthType.AWS_IAM)),
                "ResourceConflictException",
                409,
                "Failed to create function url config for [functionArn = " + ARN
                        + "strict]. Error message:  FunctionUrlConfig exists for this Lambda function");
        lambda.createAlias(b -> b.functionName("strict").name("live").functionVersion("1"));
        assertAwsError(
                () -> lambda.updateFunctionUrlConfig(
                        b -> b.functionName("strict").qualifier("live").authType(FunctionUrlAuthType.NONE)),
                "ResourceNotFoundException",
                404,
                NO_RESOURCE);
        assertAwsError(
                () -> lambda.deleteFunctionUrlConfig(
                        b -> b.functionName("strict").qualifier("live")),
                "ResourceNotFoundException",
                404,
                NO_RESOURCE);
        assertAwsErrorContaining(
                () -> lambda.listFunctionUrlConfigs(
                        b -> b.functionName("strict").maxItems(51)),
                "ValidationException",
                400,
                "Member must have value less than or equal to 50");
    }

    @Test
    void urlChangesReachTheTopicAndDeletesLeaveTombstones() {
        lambda.createFunction(FunctionApiIT.create("published").build());
        lambda.publishVersion(b -> b.functionName("published"));
        lambda.createAlias(b -> b.functionName("published").name("live").functionVersion("1"));
        String url = lambda.createFunctionUrlConfig(b -> b.functionName("published")
                        .authType(FunctionUrlAuthType.NONE)
                        .cors(c -> c.allowOrigins("*").exposeHeaders("x-trace")))
                .functionUrl();
        lambda.updateFunctionUrlConfig(b -> b.functionName("published").invokeMode(InvokeMode.RESPONSE_STREAM));
        lambda.createFunctionUrlConfig(
                b -> b.functionName("published").qualifier("live").authType(FunctionUrlAuthType.AWS_IAM));

        lambda.deleteAlias(b -> b.functionName("published").name("live"));
        lambda.deleteFunction(b -> b.functionName("published"));

        String urlId = url.substring("http://".length(), url.indexOf('.'));
        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(ARN + "published#url", 3);
            JsonNode first = Lambdas.value(records.get(0));
            assertThat(first.path("type").asString()).isEqualTo("FUNCTION_URL_CONFIG");
            assertThat(first.path("arn").asString()).isEqualTo(ARN + "published");
            JsonNode snapshot = first.path("snapshot");
            assertThat(snapshot.path("functionArn").asString()).isEqualTo(ARN + "published");
            assertThat(snapshot.path("qualifier").isNull()).isTrue();
            assertThat(snapshot.path("urlId").asString()).isEqualTo(urlId).hasSize(32);
            assertThat(snapshot.path("authType").asString()).isEqualTo("NONE");
            assertThat(snapshot.path("invokeMode").asString()).isEqualTo("BUFFERED");
            assertThat(snapshot.path("cors").path("allowOrigins").get(0).asString())
                    .isEqualTo("*");
            assertThat(snapshot.path("cors").path("allowCredentials").asBoolean())
                    .isFalse();
            assertThat(snapshot.path("cors").path("allowMethods").isEmpty()).isTrue();
            JsonNode second = Lambdas.value(records.get(1)).path("snapshot");
            assertThat(second.path("urlId").asString()).isEqualTo(urlId);
            assertThat(second.path("invokeMode").asString()).isEqualTo("RESPONSE_STREAM");
            assertThat(records.get(2).value())
                    .as("deleting the function removes its URL")
                    .isNull();
            assertThat(Lambdas.header(records.get(2), RegistryChangeHeaders.RESOURCE_TYPE))
                    .isEqualTo("FUNCTION_URL_CONFIG");

            List<ConsumerRecord<String, byte[]>> aliased = topic.awaitRecords(ARN + "published:live#url", 2);
            JsonNode aliasSnapshot = Lambdas.value(aliased.get(0)).path("snapshot");
            assertThat(aliasSnapshot.path("functionArn").asString()).isEqualTo(ARN + "published:live");
            assertThat(aliasSnapshot.path("qualifier").asString()).isEqualTo("live");
            assertThat(aliased.get(1).value())
                    .as("deleting the alias removes its URL")
                    .isNull();
        }
    }
}
