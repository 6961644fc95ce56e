package dev.ignis.registry;

import static dev.ignis.registry.Lambdas.ARN;
import static dev.ignis.registry.Lambdas.assertAwsError;
import static dev.ignis.registry.Lambdas.assertAwsErrorContaining;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.RegistryChangeHeaders;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import tools.jackson.databind.JsonNode;

/** PublishVersion, ListVersionsByFunction, qualified Get/DeleteFunction and the alias operations, through the AWS SDK. */
class VersionsAndAliasesIT extends RegistryIT {

    @Test
    void publishVersionFreezesLatestAndChangesItsRevision() {
        var created = create("frozen");

        PublishVersionResponse v1 = lambda.publishVersion(b -> b.functionName("frozen"));

        assertThat(v1.version()).isEqualTo("1");
        assertThat(v1.functionArn()).isEqualTo(ARN + "frozen:1");
        assertThat(v1.codeSha256()).isEqualTo(created.codeSha256());
        assertThat(v1.description()).isEqualTo(created.description());
        assertThat(v1.lastModified()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(v1.revisionId()).isNotBlank().isNotEqualTo(created.revisionId());
        var latest = lambda.getFunctionConfiguration(b -> b.functionName("frozen"));
        assertThat(latest.revisionId())
                .as("publishing changes $LATEST's RevisionId")
                .isNotEqualTo(created.revisionId());

        lambda.updateFunctionConfiguration(b -> b.functionName("frozen").memorySize(256));
        var version =
                lambda.getFunctionConfiguration(b -> b.functionName("frozen").qualifier("1"));
        assertThat(version.memorySize())
                .as("a version does not move with $LATEST")
                .isEqualTo(128);
        assertThat(version.functionArn()).isEqualTo(ARN + "frozen:1");
        assertThat(lambda.getFunction(b -> b.functionName(ARN + "frozen:1"))
                        .configuration()
                        .version())
                .isEqualTo("1");
    }

    @Test
    void publishingWithoutChangesReturnsTheLatestVersion() {
        create("idle");
        String first = lambda.publishVersion(b -> b.functionName("idle")).revisionId();

        PublishVersionResponse again = lambda.publishVersion(b -> b.functionName("idle"));
        assertThat(again.version()).isEqualTo("1");
        assertThat(again.revisionId()).isEqualTo(first);

        lambda.updateFunctionConfiguration(b -> b.functionName("idle").timeout(10));
        PublishVersionResponse second =
                lambda.publishVersion(b -> b.functionName("idle").description("ten seconds"));
        assertThat(second.version()).isEqualTo("2");
        assertThat(second.timeout()).isEqualTo(10);
        assertThat(second.description()).isEqualTo("ten seconds");
    }

    @Test
    void publishVersionChecksCodeSha256AndRevisionId() {
        var created = create("guarded");

        assertAwsError(
                () -> lambda.publishVersion(b -> b.functionName("guarded").codeSha256("bm90LXRoZS1oYXNo")),
                "InvalidParameterValueException",
                400,
                "CodeSHA256 (bm90LXRoZS1oYXNo) is different from current CodeSHA256 in $LATEST (" + created.codeSha256()
                        + "). Please try again with the CodeSHA256 in $LATEST.");
        assertAwsError(
                () -> lambda.publishVersion(b -> b.functionName("guarded").revisionId("stale")),
                "PreconditionFailedException",
                412,
                "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API"
                        + " to retrieve the latest Revision Id");
        assertAwsError(
                () -> lambda.publishVersion(b -> b.functionName("nobody")),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "nobody");

        PublishVersionResponse v1 = lambda.publishVersion(
                b -> b.functionName("guarded").codeSha256(created.codeSha256()).revisionId(created.revisionId()));
        assertThat(v1.version()).isEqualTo("1");
    }

    @Test
    void createFunctionWithPublishCreatesVersionOne() {
        var created = lambda.createFunction(
                FunctionApiIT.create("published").publish(true).build());

        assertThat(created.version()).isEqualTo("1");
        assertThat(created.functionArn()).isEqualTo(ARN + "published");
        assertThat(lambda.getFunctionConfiguration(
                                b -> b.functionName("published").qualifier("1"))
                        .version())
                .isEqualTo("1");
    }

    @Test
    void listsVersionsLatestFirstInPages() {
        create("listed");
        for (int timeout = 4; timeout <= 6; timeout++) {
            int t = timeout;
            lambda.updateFunctionConfiguration(b -> b.functionName("listed").timeout(t));
            lambda.publishVersion(b -> b.functionName("listed"));
        }

        ListVersionsByFunctionResponse first =
                lambda.listVersionsByFunction(b -> b.functionName("listed").maxItems(2));
        assertThat(first.versions()).extracting(FunctionConfiguration::version).containsExactly("$LATEST", "1");
        assertThat(first.versions().getFirst().functionArn()).isEqualTo(ARN + "listed:$LATEST");
        ListVersionsByFunctionResponse second = lambda.listVersionsByFunction(
                b -> b.functionName("listed").maxItems(2).marker(first.nextMarker()));
        assertThat(second.versions()).extracting(FunctionConfiguration::version).containsExactly("2", "3");
        assertThat(second.nextMarker()).isNull();

        assertAwsErrorContaining(
                () -> lambda.listVersionsByFunction(
                        b -> b.functionName("listed").maxItems(0)),
                "ValidationException",
                400,
                "at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertAwsError(
                () -> lambda.listVersionsByFunction(b -> b.functionName("unlisted")),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "unlisted");
    }

    @Test
    void deletesOneVersionAndNeverReusesItsNumber() {
        create("pruned");
        lambda.publishVersion(b -> b.functionName("pruned"));

        lambda.deleteFunction(b -> b.functionName("pruned").qualifier("1"));

        assertAwsError(
                () -> lambda.getFunction(b -> b.functionName("pruned").qualifier("1")),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "pruned:1");
        assertThat(lambda.getFunction(b -> b.functionName("pruned"))
                        .configuration()
                        .version())
                .isEqualTo("$LATEST");
        lambda.updateFunctionConfiguration(b -> b.functionName("pruned").memorySize(512));
        assertThat(lambda.publishVersion(b -> b.functionName("pruned")).version())
                .isEqualTo("2");
        assertAwsError(
                () -> lambda.deleteFunction(b -> b.functionName("pruned").qualifier("7")),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "pruned:7");
    }

    @Test
    void latestCannotBeDeletedAloneNorAVersionAnAliasUses() {
        create("anchored");
        lambda.publishVersion(b -> b.functionName("anchored"));
        lambda.createAlias(b -> b.functionName("anchored").name("live").functionVersion("1"));

        assertAwsError(
                () -> lambda.deleteFunction(b -> b.functionName("anchored").qualifier("$LATEST")),
                "InvalidParameterValueException",
                400,
                "$LATEST version cannot be deleted without deleting the function.");
        assertAwsError(
                () -> lambda.deleteFunction(b -> b.functionName("anchored").qualifier("1")),
                "ResourceConflictException",
                409,
                "Unable to delete version because the following aliases reference it: [live]");
        assertThat(lambda.getFunction(b -> b.functionName("anchored").qualifier("1"))
                        .configuration()
                        .version())
                .isEqualTo("1");
    }

    @Test
    void aliasLifecycleWithRoutingAndRevisionGuard() {
        create("aliased");
        lambda.publishVersion(b -> b.functionName("aliased"));
        lambda.updateFunctionConfiguration(b -> b.functionName("aliased").memorySize(256));
        lambda.publishVersion(b -> b.functionName("aliased"));

        var created = lambda.createAlias(b -> b.functionName("aliased")
                .name("prod")
                .functionVersion("1")
                .description("stable")
                .routingConfig(r -> r.additionalVersionWeights(Map.of("2", 0.1))));
        assertThat(created.aliasArn()).isEqualTo(ARN + "aliased:prod");
        assertThat(created.routingConfig().additionalVersionWeights()).containsEntry("2", 0.1);
        assertThat(created.revisionId()).isNotBlank();

        var fetched = lambda.getAlias(b -> b.functionName("aliased").name("prod"));
        assertThat(fetched.functionVersion()).isEqualTo("1");
        assertThat(fetched.description()).isEqualTo("stable");
        var viaAlias =
                lambda.getFunctionConfiguration(b -> b.functionName("aliased").qualifier("prod"));
        assertThat(viaAlias.functionArn()).isEqualTo(ARN + "aliased:prod");
        assertThat(viaAlias.version()).isEqualTo("1");

        assertAwsError(
                () -> lambda.updateAlias(b -> b.functionName("aliased")
                        .name("prod")
                        .functionVersion("2")
                        .revisionId("stale")),
                "PreconditionFailedException",
                412,
                "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API"
                        + " to retrieve the latest Revision Id");
        var updated = lambda.updateAlias(b -> b.functionName("aliased")
                .name("prod")
                .functionVersion("2")
                .revisionId(created.revisionId())
                .routingConfig(r -> r.additionalVersionWeights(Map.of())));
        assertThat(updated.functionVersion()).isEqualTo("2");
        assertThat(updated.description()).as("unchanged when not given").isEqualTo("stable");
        assertThat(updated.routingConfig()).isNull();
        assertThat(updated.revisionId()).isNotEqualTo(created.revisionId());

        lambda.deleteAlias(b -> b.functionName("aliased").name("prod"));
        assertAwsError(
                () -> lambda.getAlias(b -> b.functionName("aliased").name("prod")),
                "ResourceNotFoundException",
                404,
                "Cannot find alias arn: " + ARN + "aliased:prod");
    }

    @Test
    void listsAliasesByVersionInPages() {
        create("many");
        lambda.publishVersion(b -> b.functionName("many"));
        for (String name : List.of("a", "b", "c")) {
            lambda.createAlias(b -> b.functionName("many").name(name).functionVersion("1"));
        }
        lambda.createAlias(b -> b.functionName("many").name("edge").functionVersion("$LATEST"));

        var first = lambda.listAliases(
                b -> b.functionName("many").functionVersion("1").maxItems(2));
        assertThat(first.aliases()).extracting(AliasConfiguration::name).containsExactly("a", "b");
        var second = lambda.listAliases(
                b -> b.functionName("many").functionVersion("1").maxItems(2).marker(first.nextMarker()));
        assertThat(second.aliases()).extracting(AliasConfiguration::name).containsExactly("c");
        assertThat(second.nextMarker()).isNull();
        assertThat(lambda.listAliases(b -> b.functionName("many")).aliases()).hasSize(4);
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("many").qualifier("edge"))
                        .version())
                .isEqualTo("$LATEST");
    }

    @Test
    void badAliasesAreRefusedWithAwsErrors() {
        create("strict");
        lambda.publishVersion(b -> b.functionName("strict"));
        lambda.updateFunctionConfiguration(b -> b.functionName("strict").timeout(9));
        lambda.publishVersion(b -> b.functionName("strict"));
        lambda.createAlias(b -> b.functionName("strict").name("taken").functionVersion("1"));

        assertAwsError(
                () -> lambda.createAlias(
                        b -> b.functionName("strict").name("taken").functionVersion("1")),
                "ResourceConflictException",
                409,
                "Alias already exists: " + ARN + "strict:taken");
        assertAwsErrorContaining(
                () -> lambda.createAlias(
                        b -> b.functionName("strict").name("123").functionVersion("1")),
                "ValidationException",
                400,
                "Value '123' at 'name' failed to satisfy constraint");
        assertAwsErrorContaining(
                () -> lambda.createAlias(b -> b.functionName("strict").name("x").functionVersion("latest")),
                "ValidationException",
                400,
                "at 'functionVersion' failed to satisfy constraint");
        assertAwsError(
                () -> lambda.createAlias(b -> b.functionName("strict").name("x").functionVersion("9")),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "strict:9");
        assertAwsError(
                () -> lambda.createAlias(b -> b.functionName("strict")
                        .name("x")
                        .functionVersion("1")
                        .routingConfig(r -> r.additionalVersionWeights(Map.of("2", 0.1, "3", 0.1)))),
                "InvalidParameterValueException",
                400,
                "Number of items in AdditionalVersionWeights cannot be greater than 1");
        assertAwsErrorContaining(
                () -> lambda.createAlias(b -> b.functionName("strict")
                        .name("x")
                        .functionVersion("1")
                        .routingConfig(r -> r.additionalVersionWeights(Map.of("2", 1.5)))),
                "ValidationException",
                400,
                "at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy");
        assertAwsError(
                () -> lambda.createAlias(b -> b.functionName("strict")
                        .name("x")
                        .functionVersion("1")
                        .routingConfig(r -> r.additionalVersionWeights(Map.of("1", 0.5)))),
                "InvalidParameterValueException",
                400,
                "Invalid function version 1. Function version 1 is already included in routing configuration.");
        assertAwsError(
                () -> lambda.createAlias(b -> b.functionName("strict")
                        .name("x")
                        .functionVersion("$LATEST")
                        .routingConfig(r -> r.additionalVersionWeights(Map.of("1", 0.5)))),
                "InvalidParameterValueException",
                400,
                "$LATEST is not supported for an alias pointing to more than 1 version");
        assertAwsError(
                () -> lambda.updateAlias(
                        b -> b.functionName("strict").name("missing").functionVersion("1")),
                "ResourceNotFoundException",
                404,
                "Cannot find alias arn: " + ARN + "strict:missing");
        assertThat(lambda.listAliases(b -> b.functionName("strict")).aliases()).hasSize(1);
    }

    @Test
    void versionsAndAliasesReachTheTopicAndGoWithTheirFunction() {
        create("streamed");
        lambda.publishVersion(b -> b.functionName("streamed"));
        lambda.updateFunctionConfiguration(b -> b.functionName("streamed").timeout(5));
        lambda.publishVersion(b -> b.functionName("streamed"));
        lambda.createAlias(b -> b.functionName("streamed")
                .name("canary")
                .functionVersion("1")
                .routingConfig(r -> r.additionalVersionWeights(Map.of("2", 0.25))));
        lambda.deleteFunction(b -> b.functionName("streamed"));

        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            List<ConsumerRecord<String, byte[]>> version = topic.awaitRecords(ARN + "streamed:1", 2);
            JsonNode published = Lambdas.value(version.get(0));
            assertThat(Lambdas.header(version.get(0), RegistryChangeHeaders.RESOURCE_TYPE))
                    .isEqualTo("FUNCTION_VERSION");
            assertThat(published.path("arn").asString()).isEqualTo(ARN + "streamed:1");
            assertThat(published.path("snapshot").path("version").asString()).isEqualTo("1");
            assertThat(published.path("snapshot").path("functionArn").asString())
                    .isEqualTo(ARN + "streamed:1");
            assertThat(version.get(1).value())
                    .as("the function's delete tombstones its versions")
                    .isNull();

            List<ConsumerRecord<String, byte[]>> alias = topic.awaitRecords(ARN + "streamed:canary", 2);
            JsonNode aliasChange = Lambdas.value(alias.get(0));
            assertThat(aliasChange.path("type").asString()).isEqualTo("ALIAS");
            assertThat(aliasChange.path("snapshot").path("functionVersion").asString())
                    .isEqualTo("1");
            assertThat(aliasChange
                            .path("snapshot")
                            .path("additionalVersionWeights")
                            .path("2")
                            .asDouble())
                    .isEqualTo(0.25);
            assertThat(alias.get(1).value()).isNull();
            assertThat(Lambdas.header(alias.get(1), RegistryChangeHeaders.RESOURCE_TYPE))
                    .isEqualTo("ALIAS");
        }
    }

    @Test
    void deletingAVersionOrAnAliasPublishesItsTombstone() {
        create("trimmed");
        lambda.publishVersion(b -> b.functionName("trimmed"));
        lambda.createAlias(b -> b.functionName("trimmed").name("old").functionVersion("$LATEST"));
        lambda.deleteAlias(b -> b.functionName("trimmed").name("old"));
        lambda.deleteFunction(b -> b.functionName("trimmed").qualifier("1"));

        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            assertThat(topic.awaitRecords(ARN + "trimmed:old", 2).get(1).value())
                    .isNull();
            assertThat(topic.awaitRecords(ARN + "trimmed:1", 2).get(1).value()).isNull();
        }
    }

    private GetFunctionConfigurationResponse create(String name) {
        var response = lambda.createFunction(FunctionApiIT.create(name).build());
        return lambda.getFunctionConfiguration(b -> b.functionName(response.functionName()));
    }
}
