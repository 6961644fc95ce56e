package dev.ignis.registry;

import static dev.ignis.registry.Lambdas.ARN;
import static dev.ignis.registry.Lambdas.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;
import software.amazon.awssdk.services.lambda.model.GetFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.PutFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionEventInvokeConfigResponse;
import tools.jackson.databind.JsonNode;

/** Asynchronous invocation settings through the AWS SDK, and the changes async-queue-service reads. */
class EventInvokeConfigIT extends RegistryIT {

    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:failures";
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:successes";

    @Test
    void putsReadsUpdatesListsAndDeletesSettings() {
        lambda.createFunction(FunctionApiIT.create("queued").build());
        Instant before = Instant.now().minusSeconds(1);

        PutFunctionEventInvokeConfigResponse put = lambda.putFunctionEventInvokeConfig(b -> b.functionName("queued")
                .maximumRetryAttempts(1)
                .maximumEventAgeInSeconds(3600)
                .destinationConfig(d -> d.onFailure(f -> f.destination(QUEUE))));

        assertThat(put.functionArn()).isEqualTo(ARN + "queued:$LATEST");
        assertThat(put.maximumRetryAttempts()).isEqualTo(1);
        assertThat(put.maximumEventAgeInSeconds()).isEqualTo(3600);
        assertThat(put.destinationConfig().onFailure().destination()).isEqualTo(QUEUE);
        assertThat(put.destinationConfig().onSuccess().destination()).isNull();
        assertThat(put.lastModified()).isBetween(before, Instant.now().plusSeconds(1));

        GetFunctionEventInvokeConfigResponse fetched = lambda.getFunctionEventInvokeConfig(
                b -> b.functionName("queued").qualifier("$LATEST"));
        assertThat(fetched.lastModified()).isEqualTo(put.lastModified());
        assertThat(fetched.maximumEventAgeInSeconds()).isEqualTo(3600);

        UpdateFunctionEventInvokeConfigResponse updated = lambda.updateFunctionEventInvokeConfig(
                b -> b.functionName("queued").maximumRetryAttempts(0));
        assertThat(updated.maximumRetryAttempts()).isZero();
        assertThat(updated.maximumEventAgeInSeconds())
                .as("Update keeps what it does not name")
                .isEqualTo(3600);
        assertThat(updated.destinationConfig().onFailure().destination()).isEqualTo(QUEUE);

        var replaced = lambda.putFunctionEventInvokeConfig(
                b -> b.functionName("queued").maximumEventAgeInSeconds(600));
        assertThat(replaced.maximumRetryAttempts())
                .as("Put replaces everything")
                .isNull();
        assertThat(replaced.destinationConfig().onFailure().destination()).isNull();

        lambda.publishVersion(b -> b.functionName("queued"));
        lambda.putFunctionEventInvokeConfig(
                b -> b.functionName("queued:1").destinationConfig(d -> d.onSuccess(s -> s.destination(TOPIC))));
        assertThat(lambda.listFunctionEventInvokeConfigs(b -> b.functionName("queued"))
                        .functionEventInvokeConfigs())
                .extracting(FunctionEventInvokeConfig::functionArn)
                .containsExactly(ARN + "queued:$LATEST", ARN + "queued:1");

        lambda.deleteFunctionEventInvokeConfig(b -> b.functionName("queued").qualifier("1"));
        assertAwsError(
                () -> lambda.getFunctionEventInvokeConfig(
                        b -> b.functionName("queued").qualifier("1")),
                "ResourceNotFoundException",
                404,
                "The function " + ARN + "queued:1 doesn't have an EventInvokeConfig");
        assertThat(lambda.listFunctionEventInvokeConfigs(b -> b.functionName("queued"))
                        .functionEventInvokeConfigs())
                .hasSize(1);
    }

    @Test
    void badSettingsAreRefusedWithAwsErrors() {
        assertAwsError(
                () -> lambda.putFunctionEventInvokeConfig(
                        b -> b.functionName("nobody").maximumRetryAttempts(1)),
                "ResourceNotFoundException",
                404,
                "The function doesn't exist.");
        assertAwsError(
                () -> lambda.getFunctionEventInvokeConfig(b -> b.functionName("nobody")),
                "ResourceNotFoundException",
                404,
                "The function " + ARN + "nobody:$LATEST doesn't have an EventInvokeConfig");
        assertAwsError(
                () -> lambda.listFunctionEventInvokeConfigs(b -> b.functionName("nobody")),
                "ResourceNotFoundException",
                404,
                "The function doesn't exist.");

        lambda.createFunction(FunctionApiIT.create("fussy").build());
        lambda.createFunction(FunctionApiIT.create("target").build());
        assertAwsError(
                () -> lambda.putFunctionEventInvokeConfig(
                        b -> b.functionName("fussy").maximumRetryAttempts(3)),
                "ValidationException",
                400,
                "1 validation error detected: Value '3' at 'maximumRetryAttempts' failed to satisfy constraint:"
                        + " Member must have value less than or equal to 2");
        assertAwsError(
                () -> lambda.putFunctionEventInvokeConfig(
                        b -> b.functionName("fussy").maximumEventAgeInSeconds(59)),
                "ValidationException",
                400,
                "1 validation error detected: Value '59' at 'maximumEventAgeInSeconds' failed to satisfy constraint:"
                        + " Member must have value greater than or equal to 60");
        assertAwsError(
                () -> lambda.putFunctionEventInvokeConfig(b -> b.functionName("fussy")),
                "InvalidParameterValueException",
                400,
                "You must specify at least one of error handling or destination setting.");
        assertAwsError(
                () -> lambda.putFunctionEventInvokeConfig(b ->
                        b.functionName("fussy").destinationConfig(d -> d.onFailure(f -> f.destination(ARN + "fussy")))),
                "InvalidParameterValueException",
                400,
                "You can't specify the function as a destination for itself.");
        assertAwsError(
                () -> lambda.putFunctionEventInvokeConfig(b ->
                        b.functionName("fussy").destinationConfig(d -> d.onFailure(f -> f.destination(ARN + "ghost")))),
                "InvalidParameterValueException",
                400,
                "The destination ARN " + ARN + "ghost is invalid.");
        String table = "arn:aws:dynamodb:us-east-1:000000000000:table/events";
        assertAwsError(
                () -> lambda.putFunctionEventInvokeConfig(
                        b -> b.functionName("fussy").destinationConfig(d -> d.onFailure(f -> f.destination(table)))),
                "InvalidParameterValueException",
                400,
                "The provided destination config DestinationConfig(onSuccess=null, onFailure=OnFailure(destination="
                        + table + ")) is invalid.");
        assertAwsError(
                () -> lambda.putFunctionEventInvokeConfig(b ->
                        b.functionName("fussy").destinationConfig(d -> d.onSuccess(s -> s.destination("not-an-arn")))),
                "ValidationException",
                400,
                "1 validation error detected: Value 'not-an-arn' at 'destinationConfig.onSuccess.destination' failed"
                        + " to satisfy constraint: Member must satisfy regular expression pattern:"
                        + " ^$|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1})?"
                        + ":(\\d{12})?:(.*)");
        assertAwsError(
                () -> lambda.putFunctionEventInvokeConfig(
                        b -> b.functionName("fussy:7").maximumRetryAttempts(1)),
                "ResourceNotFoundException",
                404,
                "The function doesn't exist.");
        assertAwsError(
                () -> lambda.updateFunctionEventInvokeConfig(
                        b -> b.functionName("fussy").maximumRetryAttempts(1)),
                "ResourceNotFoundException",
                404,
                "The function " + ARN + "fussy:$LATEST doesn't have an EventInvokeConfig");
        assertAwsError(
                () -> lambda.deleteFunctionEventInvokeConfig(b -> b.functionName("fussy")),
                "ResourceNotFoundException",
                404,
                "The function " + ARN + "fussy doesn't have an EventInvokeConfig");

        var accepted = lambda.putFunctionEventInvokeConfig(
                b -> b.functionName("fussy").destinationConfig(d -> d.onSuccess(s -> s.destination(ARN + "target"))));
        assertThat(accepted.destinationConfig().onSuccess().destination()).isEqualTo(ARN + "target");
    }

    @Test
    void settingsReachTheTopicAndDeletesLeaveTombstones() {
        String arn =
                lambda.createFunction(FunctionApiIT.create("relayed").build()).functionArn();
        lambda.publishVersion(b -> b.functionName("relayed"));
        lambda.createAlias(b -> b.functionName("relayed").name("live").functionVersion("1"));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("relayed")
                .maximumRetryAttempts(0)
                .destinationConfig(d -> d.onFailure(f -> f.destination(QUEUE))));
        lambda.putFunctionEventInvokeConfig(
                b -> b.functionName("relayed").qualifier("live").maximumEventAgeInSeconds(120));
        lambda.deleteAlias(b -> b.functionName("relayed").name("live"));
        lambda.deleteFunction(b -> b.functionName("relayed"));

        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            List<ConsumerRecord<String, byte[]>> latest = topic.awaitRecords(arn + "#event-invoke-config", 2);
            JsonNode change = Lambdas.value(latest.get(0));
            assertThat(change.path("type").asString()).isEqualTo("EVENT_INVOKE_CONFIG");
            JsonNode snapshot = change.path("snapshot");
            assertThat(snapshot.path("functionArn").asString()).isEqualTo(arn);
            assertThat(snapshot.path("qualifier").asString()).isEqualTo("$LATEST");
            assertThat(snapshot.path("maximumRetryAttempts").asInt()).isZero();
            assertThat(snapshot.path("maximumEventAgeInSeconds").isNull()).isTrue();
            assertThat(snapshot.path("onFailureDestination").asString()).isEqualTo(QUEUE);
            assertThat(Instant.parse(snapshot.path("lastModified").asString()))
                    .isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
            assertThat(latest.get(1).value()).as("deleting the function").isNull();

            List<ConsumerRecord<String, byte[]>> alias = topic.awaitRecords(arn + ":live#event-invoke-config", 2);
            JsonNode aliasSnapshot = Lambdas.value(alias.get(0)).path("snapshot");
            assertThat(aliasSnapshot.path("functionArn").asString()).isEqualTo(arn + ":live");
            assertThat(aliasSnapshot.path("maximumEventAgeInSeconds").asInt()).isEqualTo(120);
            assertThat(alias.get(1).value()).as("deleting the alias").isNull();
        }
    }
}
