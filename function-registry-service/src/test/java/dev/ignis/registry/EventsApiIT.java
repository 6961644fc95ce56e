package dev.ignis.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import tools.jackson.databind.JsonNode;

/** The EventBridge API subset through AWS's own client, against the real registry, database and broker. */
class EventsApiIT extends RegistryIT {

    static final String RULE_ARN = "arn:aws:events:us-east-1:000000000000:rule/";
    static final String FUNCTION = Lambdas.ARN + "tick";

    EventBridgeClient events;

    @BeforeEach
    void eventsClient() {
        events = EventBridgeClient.builder()
                .endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterEach
    void deleteRules() {
        events.listRules(b -> {})
                .rules()
                .forEach(r -> events.deleteRule(b -> b.name(r.name()).force(true)));
        events.close();
    }

    @Test
    void putRuleAnswersItsArnAndDescribeAndListShowItAsAwsDoes() {
        String arn = events.putRule(b -> b.name("every-minute").scheduleExpression("rate(1 minute)"))
                .ruleArn();
        assertThat(arn).isEqualTo(RULE_ARN + "every-minute");

        DescribeRuleResponse described = events.describeRule(b -> b.name("every-minute"));
        assertThat(described.name()).isEqualTo("every-minute");
        assertThat(described.arn()).isEqualTo(arn);
        assertThat(described.scheduleExpression()).isEqualTo("rate(1 minute)");
        assertThat(described.state()).isEqualTo(RuleState.ENABLED);
        assertThat(described.eventBusName()).isEqualTo("default");
        assertThat(described.createdBy()).isEqualTo("000000000000");
        assertThat(described.description()).isNull();

        events.putRule(b -> b.name("nightly")
                .scheduleExpression("cron(0 2 ? * MON-FRI *)")
                .description("weekdays")
                .state(RuleState.DISABLED));
        ListRulesResponse listed = events.listRules(b -> b.namePrefix("nigh"));
        assertThat(listed.rules()).hasSize(1);
        assertThat(listed.rules().getFirst().name()).isEqualTo("nightly");
        assertThat(listed.rules().getFirst().state()).isEqualTo(RuleState.DISABLED);
        assertThat(listed.rules().getFirst().description()).isEqualTo("weekdays");
        assertThat(listed.rules().getFirst().scheduleExpression()).isEqualTo("cron(0 2 ? * MON-FRI *)");
        assertThat(listed.nextToken()).isNull();

        ListRulesResponse first = events.listRules(b -> b.limit(1));
        assertThat(first.rules()).extracting(r -> r.name()).containsExactly("every-minute");
        assertThat(events.listRules(b -> b.limit(1).nextToken(first.nextToken()))
                        .rules())
                .extracting(r -> r.name())
                .containsExactly("nightly");
    }

    @Test
    void aBadExpressionIsAValidationExceptionWithAwsMessage() {
        for (String bad : List.of("rate(1 minutes)", "rate(5 minute)", "cron(0 1 * * * *)", "cron(71 8 1 * ? *)")) {
            assertEventsError(
                    () -> events.putRule(b -> b.name("bad").scheduleExpression(bad)),
                    "ValidationException",
                    "Parameter ScheduleExpression is not valid.");
        }
        assertThat(events.listRules(b -> {}).rules()).isEmpty();
    }

    @Test
    void aMissingRuleIsNotFoundOnTheDefaultBus() {
        String message = "Rule r does not exist on EventBus default.";
        assertEventsError(() -> events.describeRule(b -> b.name("r")), "ResourceNotFoundException", message);
        assertEventsError(() -> events.enableRule(b -> b.name("r")), "ResourceNotFoundException", message);
        assertEventsError(() -> events.disableRule(b -> b.name("r")), "ResourceNotFoundException", message);
        assertEventsError(
                () -> events.putTargets(b -> b.rule("r").targets(target("1", FUNCTION))),
                "ResourceNotFoundException",
                message);
        assertEventsError(() -> events.listTargetsByRule(b -> b.rule("r")), "ResourceNotFoundException", message);
        events.deleteRule(b -> b.name("r"));
    }

    @Test
    void otherBusesDoNotExistAndNamesFollowAwsPattern() {
        assertEventsError(
                () -> events.putRule(b -> b.name("r").eventBusName("orders").scheduleExpression("rate(1 day)")),
                "ResourceNotFoundException",
                "Event bus orders does not exist.");
        assertEventsError(
                () -> events.putRule(b -> b.name("no way!").scheduleExpression("rate(1 day)")),
                "ValidationException",
                "1 validation error detected: Value 'no way!' at 'name' failed to satisfy constraint: Member must"
                        + " satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
    }

    @Test
    void targetsAreAddedReplacedListedAndRemoved() {
        events.putRule(b -> b.name("with-targets").scheduleExpression("rate(5 minutes)"));

        PutTargetsResponse put = events.putTargets(b -> b.rule("with-targets")
                .targets(
                        target("1", FUNCTION),
                        Target.builder()
                                .id("2")
                                .arn(FUNCTION + ":live")
                                .input("{\"job\":\"report\"}")
                                .build()));
        assertThat(put.failedEntryCount()).isZero();
        assertThat(put.failedEntries()).isEmpty();

        ListTargetsByRuleResponse listed = events.listTargetsByRule(b -> b.rule("with-targets"));
        assertThat(listed.targets()).extracting(Target::id).containsExactly("1", "2");
        assertThat(listed.targets().get(1).arn()).isEqualTo(FUNCTION + ":live");
        assertThat(listed.targets().get(1).input()).isEqualTo("{\"job\":\"report\"}");
        assertThat(listed.targets().get(0).input()).isNull();

        assertEventsError(
                () -> events.deleteRule(b -> b.name("with-targets")),
                "ValidationException",
                "Rule can't be deleted since it has targets.");

        assertThat(events.removeTargets(b -> b.rule("with-targets").ids("1")).failedEntryCount())
                .isZero();
        assertThat(events.listTargetsByRule(b -> b.rule("with-targets")).targets())
                .extracting(Target::id)
                .containsExactly("2");
        events.removeTargets(b -> b.rule("with-targets").ids("2"));
        events.deleteRule(b -> b.name("with-targets"));
        assertThat(events.listRules(b -> {}).rules()).isEmpty();
    }

    @Test
    void targetsIgnisCannotDeliverFailAloneAndMoreThanFiveAreRefused() {
        events.putRule(b -> b.name("limits").scheduleExpression("rate(1 hour)"));

        PutTargetsResponse put = events.putTargets(b -> b.rule("limits")
                .targets(
                        target("queue", "arn:aws:sqs:us-east-1:000000000000:q"),
                        Target.builder()
                                .id("bad-json")
                                .arn(FUNCTION)
                                .input("{nope")
                                .build(),
                        target("ok", FUNCTION)));
        assertThat(put.failedEntryCount()).isEqualTo(2);
        assertThat(put.failedEntries()).extracting(e -> e.targetId()).containsExactly("queue", "bad-json");
        assertThat(put.failedEntries().getFirst().errorCode()).isEqualTo("ValidationException");
        assertThat(events.listTargetsByRule(b -> b.rule("limits")).targets())
                .extracting(Target::id)
                .containsExactly("ok");

        assertEventsError(
                () -> events.putTargets(b -> b.rule("limits")
                        .targets(
                                target("a", FUNCTION),
                                target("b", FUNCTION),
                                target("c", FUNCTION),
                                target("d", FUNCTION),
                                target("e", FUNCTION))),
                "LimitExceededException",
                "The requested resource exceeds the maximum number allowed.");
        assertEventsError(
                () -> events.putTargets(b -> b.rule("limits").targets(target("!@#$@!#$", FUNCTION))),
                "ValidationException",
                "1 validation error detected: Value '!@#$@!#$' at 'targets.1.member.id' failed to satisfy constraint:"
                        + " Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
    }

    @Test
    void everyChangeIsPublishedWithTheWholeRuleAndDeleteLeavesATombstone() {
        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            events.putRule(b -> b.name("published").scheduleExpression("rate(2 hours)"));
            events.putTargets(b -> b.rule("published").targets(target("1", FUNCTION)));
            events.disableRule(b -> b.name("published"));
            events.enableRule(b -> b.name("published"));
            events.deleteRule(b -> b.name("published").force(true));

            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(RULE_ARN + "published", 5);
            assertThat(records).allSatisfy(r -> assertThat(Lambdas.header(r, "ignis-resource-type"))
                    .isEqualTo("EVENT_RULE"));
            JsonNode created = Lambdas.value(records.get(0)).path("snapshot");
            assertThat(created.path("scheduleExpression").asString()).isEqualTo("rate(2 hours)");
            assertThat(created.path("state").asString()).isEqualTo("ENABLED");
            assertThat(created.path("ruleArn").asString()).isEqualTo(RULE_ARN + "published");
            JsonNode targeted = Lambdas.value(records.get(1)).path("snapshot");
            assertThat(targeted.path("targets").get(0).path("arn").asString()).isEqualTo(FUNCTION);
            assertThat(Lambdas.value(records.get(2))
                            .path("snapshot")
                            .path("state")
                            .asString())
                    .isEqualTo("DISABLED");
            JsonNode enabled = Lambdas.value(records.get(3)).path("snapshot");
            assertThat(enabled.path("activeSince").asString())
                    .isGreaterThan(created.path("activeSince").asString());
            assertThat(enabled.path("scheduledSince").asString())
                    .isEqualTo(created.path("scheduledSince").asString());
            assertThat(records.get(4).value()).isNull();
        }
    }

    @Test
    void theWireIsJson11WithAwsErrorShape() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                                .header("Content-Type", "application/x-amz-json-1.1")
                                .header("X-Amz-Target", "AWSEvents.DescribeRule")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"ghost\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
        assertThat(answer.body())
                .isEqualTo("{\"__type\":\"ResourceNotFoundException\",\"message\":\"Rule ghost does not exist on"
                        + " EventBus default.\"}");
    }

    private static Target target(String id, String arn) {
        return Target.builder().id(id).arn(arn).build();
    }

    private static void assertEventsError(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EventBridgeException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }
}
