package dev.ignis.registry;

import static dev.ignis.registry.Lambdas.ARN;
import static dev.ignis.registry.Lambdas.assertAwsError;
import static dev.ignis.registry.Lambdas.assertAwsErrorContaining;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.RegistryChangeHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.GetPolicyResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** AddPermission, GetPolicy, RemovePermission and the tagging operations through the AWS SDK. */
class PermissionsAndTagsIT extends RegistryIT {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void addsStatementsAndAnswersThePolicyAsAwsRendersIt() {
        lambda.createFunction(FunctionApiIT.create("guarded").build());

        JsonNode url = json.readTree(lambda.addPermission(b -> b.functionName("guarded")
                        .statementId("url-public")
                        .action("lambda:InvokeFunctionUrl")
                        .principal("*")
                        .functionUrlAuthType(FunctionUrlAuthType.NONE))
                .statement());
        assertThat(url.path("Sid").asString()).isEqualTo("url-public");
        assertThat(url.path("Effect").asString()).isEqualTo("Allow");
        assertThat(url.path("Principal").asString()).isEqualTo("*");
        assertThat(url.path("Action").asString()).isEqualTo("lambda:InvokeFunctionUrl");
        assertThat(url.path("Resource").asString()).isEqualTo(ARN + "guarded");
        assertThat(url.path("Condition")
                        .path("StringEquals")
                        .path("lambda:FunctionUrlAuthType")
                        .asString())
                .isEqualTo("NONE");

        lambda.addPermission(b -> b.functionName("guarded")
                .statementId("s3")
                .action("lambda:InvokeFunction")
                .principal("s3.amazonaws.com")
                .sourceArn("arn:aws:s3:::uploads")
                .sourceAccount("123456789012"));
        lambda.addPermission(b -> b.functionName(ARN + "guarded")
                .statementId("partner")
                .action("lambda:InvokeFunction")
                .principal("111122223333"));
        lambda.addPermission(b -> b.functionName("guarded")
                .statementId("via-url")
                .action("lambda:InvokeFunction")
                .principal("*")
                .invokedViaFunctionUrl(true));

        GetPolicyResponse policy = lambda.getPolicy(b -> b.functionName("guarded"));
        JsonNode document = json.readTree(policy.policy());
        assertThat(document.path("Version").asString()).isEqualTo("2012-10-17");
        assertThat(document.path("Id").asString()).isEqualTo("default");
        JsonNode statements = document.path("Statement");
        assertThat(statements.size()).isEqualTo(4);
        assertThat(statements.get(0)).isEqualTo(url);
        JsonNode s3 = statements.get(1);
        assertThat(s3.path("Principal").path("Service").asString()).isEqualTo("s3.amazonaws.com");
        assertThat(s3.path("Condition").path("ArnLike").path("AWS:SourceArn").asString())
                .isEqualTo("arn:aws:s3:::uploads");
        assertThat(s3.path("Condition")
                        .path("StringEquals")
                        .path("AWS:SourceAccount")
                        .asString())
                .isEqualTo("123456789012");
        assertThat(statements.get(2).path("Principal").path("AWS").asString())
                .isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(statements.get(2).has("Condition")).isFalse();
        assertThat(statements
                        .get(3)
                        .path("Condition")
                        .path("Bool")
                        .path("lambda:InvokedViaFunctionUrl")
                        .asString())
                .isEqualTo("true");
        assertThat(policy.revisionId()).isNotBlank();

        assertAwsError(
                () -> lambda.removePermission(
                        b -> b.functionName("guarded").statementId("s3").revisionId("stale")),
                "PreconditionFailedException",
                412,
                "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API"
                        + " to retrieve the latest Revision Id");
        lambda.removePermission(b -> b.functionName("guarded").statementId("s3").revisionId(policy.revisionId()));
        GetPolicyResponse after = lambda.getPolicy(b -> b.functionName("guarded"));
        assertThat(json.readTree(after.policy()).path("Statement").size()).isEqualTo(3);
        assertThat(after.revisionId()).isNotEqualTo(policy.revisionId());
    }

    @Test
    void policiesOfAliasesAndVersionsAreTheirOwn() {
        lambda.createFunction(FunctionApiIT.create("layered").build());
        lambda.publishVersion(b -> b.functionName("layered"));
        lambda.createAlias(b -> b.functionName("layered").name("live").functionVersion("1"));

        JsonNode statement = json.readTree(lambda.addPermission(b -> b.functionName("layered")
                        .qualifier("live")
                        .statementId("events")
                        .action("lambda:InvokeFunction")
                        .principal("events.amazonaws.com"))
                .statement());
        assertThat(statement.path("Resource").asString()).isEqualTo(ARN + "layered:live");
        lambda.addPermission(b -> b.functionName("layered:1")
                .statementId("events")
                .action("lambda:InvokeFunction")
                .principal("events.amazonaws.com"));

        assertThat(json.readTree(lambda.getPolicy(b -> b.functionName("layered").qualifier("live"))
                                .policy())
                        .path("Statement")
                        .size())
                .isEqualTo(1);
        assertAwsError(
                () -> lambda.getPolicy(b -> b.functionName("layered")),
                "ResourceNotFoundException",
                404,
                "The resource you requested does not exist.");
        assertAwsError(
                () -> lambda.addPermission(b -> b.functionName("layered")
                        .qualifier("$LATEST")
                        .statementId("latest")
                        .action("lambda:InvokeFunction")
                        .principal("*")),
                "InvalidParameterValueException",
                400,
                "We currently do not support adding policies for $LATEST.");
        assertAwsError(
                () -> lambda.addPermission(b -> b.functionName("layered")
                        .qualifier("9")
                        .statementId("ghost")
                        .action("lambda:InvokeFunction")
                        .principal("*")),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "layered:9");
    }

    @Test
    void badPermissionRequestsAreRefusedWithAwsErrors() {
        assertAwsError(
                () -> lambda.addPermission(b -> b.functionName("nobody")
                        .statementId("s")
                        .action("lambda:InvokeFunction")
                        .principal("*")),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "nobody");
        assertAwsError(
                () -> lambda.removePermission(b -> b.functionName("nobody").statementId("s")),
                "ResourceNotFoundException",
                404,
                "No policy found for: " + ARN + "nobody");
        assertAwsError(
                () -> lambda.getPolicy(b -> b.functionName("nobody")),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "nobody");

        var created = lambda.createFunction(FunctionApiIT.create("picky").build());
        assertAwsError(
                () -> lambda.removePermission(b -> b.functionName("picky").statementId("s")),
                "ResourceNotFoundException",
                404,
                "No policy is associated with the given resource.");
        assertAwsError(
                () -> lambda.addPermission(b -> b.functionName("picky")
                        .statementId("bad id!")
                        .action("lambda:InvokeFunction")
                        .principal("*")),
                "ValidationException",
                400,
                "1 validation error detected: Value 'bad id!' at 'statementId' failed to satisfy constraint: Member"
                        + " must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)");
        assertAwsErrorContaining(
                () -> lambda.addPermission(b -> b.functionName("picky")
                        .statementId("s")
                        .action("s3:GetObject")
                        .principal("*")),
                "ValidationException",
                400,
                "at 'action' failed to satisfy constraint: Member must satisfy regular expression pattern:");
        assertAwsErrorContaining(
                () -> lambda.addPermission(b -> b.functionName("picky")
                        .statementId("s")
                        .action("lambda:InvokeFunction")
                        .principal("*")
                        .sourceAccount("12345")),
                "ValidationException",
                400,
                "Value '12345' at 'sourceAccount' failed to satisfy constraint");
        assertAwsError(
                () -> lambda.addPermission(b -> b.functionName("picky")
                        .statementId("s")
                        .action("lambda:InvokeFunction")
                        .principal("*")
                        .revisionId("stale")),
                "PreconditionFailedException",
                412,
                "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API"
                        + " to retrieve the latest Revision Id");

        lambda.addPermission(b -> b.functionName("picky")
                .statementId("s")
                .action("lambda:InvokeFunction")
                .principal("*")
                .revisionId(created.revisionId()));
        assertAwsError(
                () -> lambda.addPermission(b -> b.functionName("picky")
                        .statementId("s")
                        .action("lambda:InvokeFunction")
                        .principal("*")),
                "ResourceConflictException",
                409,
                "The statement id (s) provided already exists. Please provide a new statement id, or remove the"
                        + " existing statement.");
        assertAwsError(
                () -> lambda.removePermission(b -> b.functionName("picky").statementId("nope")),
                "ResourceNotFoundException",
                404,
                "Statement nope is not found in resource policy.");
    }

    @Test
    void policyChangesReachTheTopicAsStructuredStatements() {
        lambda.createFunction(FunctionApiIT.create("watched").build());
        lambda.publishVersion(b -> b.functionName("watched"));
        lambda.addPermission(b -> b.functionName("watched")
                .statementId("public-url")
                .action("lambda:InvokeFunctionUrl")
                .principal("*")
                .functionUrlAuthType(FunctionUrlAuthType.NONE));
        lambda.addPermission(b -> b.functionName("watched")
                .statementId("via-url")
                .action("lambda:InvokeFunction")
                .principal("*")
                .invokedViaFunctionUrl(true));
        lambda.removePermission(b -> b.functionName("watched").statementId("public-url"));
        lambda.removePermission(b -> b.functionName("watched").statementId("via-url"));
        lambda.addPermission(b -> b.functionName("watched")
                .qualifier("1")
                .statementId("pinned")
                .action("lambda:InvokeFunction")
                .principal("sns.amazonaws.com")
                .sourceArn("arn:aws:sns:us-east-1:000000000000:alerts"));
        lambda.deleteFunction(b -> b.functionName("watched"));

        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(ARN + "watched#policy", 4);
            JsonNode second = Lambdas.value(records.get(1));
            assertThat(second.path("type").asString()).isEqualTo("POLICY");
            assertThat(second.path("revisionId").asString())
                    .isEqualTo(second.path("snapshot").path("revisionId").asString());
            JsonNode statements = second.path("snapshot").path("statements");
            assertThat(statements.size()).isEqualTo(2);
            assertThat(statements.get(0).path("sid").asString()).isEqualTo("public-url");
            assertThat(statements.get(0).path("principal").asString()).isEqualTo("*");
            assertThat(statements.get(0).path("action").asString()).isEqualTo("lambda:InvokeFunctionUrl");
            assertThat(statements.get(0).path("resource").asString()).isEqualTo(ARN + "watched");
            assertThat(statements.get(0).path("functionUrlAuthType").asString()).isEqualTo("NONE");
            assertThat(statements.get(1).path("invokedViaFunctionUrl").asBoolean())
                    .isTrue();
            assertThat(Lambdas.value(records.get(2))
                            .path("snapshot")
                            .path("statements")
                            .size())
                    .isEqualTo(1);
            assertThat(records.get(3).value()).as("removing the last statement").isNull();
            assertThat(Lambdas.header(records.get(3), RegistryChangeHeaders.RESOURCE_TYPE))
                    .isEqualTo("POLICY");

            List<ConsumerRecord<String, byte[]>> pinned = topic.awaitRecords(ARN + "watched:1#policy", 2);
            JsonNode snapshot = Lambdas.value(pinned.get(0)).path("snapshot");
            assertThat(snapshot.path("qualifier").asString()).isEqualTo("1");
            assertThat(snapshot.path("statements").get(0).path("sourceArn").asString())
                    .isEqualTo("arn:aws:sns:us-east-1:000000000000:alerts");
            assertThat(pinned.get(1).value()).as("deleting the function").isNull();
        }
    }

    @Test
    void tagsAFunctionAndListsAndRemovesItsTags() {
        String arn = lambda.createFunction(FunctionApiIT.create("tagged")
                        .tags(Map.of("team", "core"))
                        .build())
                .functionArn();
        assertThat(lambda.getFunction(b -> b.functionName("tagged")).tags()).containsExactly(Map.entry("team", "core"));

        lambda.tagResource(b -> b.resource(arn).tags(Map.of("env", "prod", "team", "edge")));
        assertThat(lambda.listTags(b -> b.resource(arn)).tags())
                .containsExactlyInAnyOrderEntriesOf(Map.of("env", "prod", "team", "edge"));

        lambda.untagResource(b -> b.resource(arn).tagKeys("team", "absent"));
        assertThat(lambda.listTags(b -> b.resource(arn)).tags()).containsExactly(Map.entry("env", "prod"));

        lambda.deleteFunction(b -> b.functionName("tagged"));
        lambda.createFunction(FunctionApiIT.create("tagged").build());
        assertThat(lambda.listTags(b -> b.resource(arn)).tags())
                .as("a re-created function starts untagged")
                .isEmpty();
        assertThat(lambda.getFunction(b -> b.functionName("tagged")).tags()).isEmpty();
    }

    @Test
    void badTaggingRequestsAreRefusedWithAwsErrors() {
        String arn =
                lambda.createFunction(FunctionApiIT.create("labelled").build()).functionArn();
        lambda.publishVersion(b -> b.functionName("labelled"));

        assertAwsError(
                () -> lambda.tagResource(b -> b.resource(arn + ":1").tags(Map.of("a", "b"))),
                "InvalidParameterValueException",
                400,
                "Tagging operations are permitted on Lambda functions only. Tags on aliases and versions are not"
                        + " supported. Please specify either a function name or a function ARN.");
        assertAwsError(
                () -> lambda.tagResource(b -> b.resource(ARN + "nobody").tags(Map.of("a", "b"))),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "nobody");
        assertAwsErrorContaining(
                () -> lambda.tagResource(b -> b.resource("labelled").tags(Map.of("a", "b"))),
                "ValidationException",
                400,
                "Value 'labelled' at 'resource' failed to satisfy constraint");
        assertAwsError(
                () -> lambda.untagResource(b -> b.resource(arn)),
                "ValidationException",
                400,
                "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not"
                        + " be null");

        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("key" + i, "value");
        }
        assertAwsError(
                () -> lambda.tagResource(b -> b.resource(arn).tags(many)),
                "InvalidParameterValueException",
                400,
                "Number of tags exceeds function tag limit.");
        assertAwsError(
                () -> lambda.createFunction(
                        FunctionApiIT.create("overtagged").tags(many).build()),
                "InvalidParameterValueException",
                400,
                "Number of tags exceeds function tag limit.");
        assertAwsError(
                () -> lambda.getFunction(b -> b.functionName("overtagged")),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "overtagged");
    }
}
