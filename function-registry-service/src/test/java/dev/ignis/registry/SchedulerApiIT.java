package dev.ignis.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The EventBridge Scheduler API subset over HTTP as the AWS CLI sends it (REST-JSON, PascalCase,
 * epoch-second timestamps), against the real registry, database and broker: answers field by
 * field, AWS's error types, statuses and messages, and the SCHEDULE records on the topic.
 */
class SchedulerApiIT extends RegistryIT {

    static final String SCHEDULE_ARN = "arn:aws:scheduler:us-east-1:000000000000:schedule/default/";
    static final String FUNCTION = Lambdas.ARN + "tick";
    static final String ROLE = "arn:aws:iam::000000000000:role/x";
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, String errorType, JsonNode body) {}

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void deleteSchedules() throws Exception {
        for (JsonNode schedule : call("GET", "/schedules", null).body().path("Schedules")) {
            call("DELETE", "/schedules/" + schedule.path("Name").asString(), null);
        }
    }

    /** The brief's CLI call: a cron in Europe/Berlin, window OFF, a Lambda target with Input. */
    static String berlinSchedule(String input) {
        return """
                {"ScheduleExpression":"cron(30 9 * * ? *)","ScheduleExpressionTimezone":"Europe/Berlin",
                 "FlexibleTimeWindow":{"Mode":"OFF"},
                 "Target":{"Arn":"%s","RoleArn":"%s","Input":%s}}"""
                .formatted(FUNCTION, ROLE, JSON.writeValueAsString(input));
    }

    @Test
    void createThenGetShowsTheScheduleAsAwsDoes() throws Exception {
        Answer created = call("POST", "/schedules/s", berlinSchedule("{\"a\":1}"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().path("ScheduleArn").asString()).isEqualTo(SCHEDULE_ARN + "s");

        JsonNode got = call("GET", "/schedules/s", null).body();
        assertThat(got.path("Arn").asString()).isEqualTo(SCHEDULE_ARN + "s");
        assertThat(got.path("Name").asString()).isEqualTo("s");
        assertThat(got.path("GroupName").asString()).isEqualTo("default");
        assertThat(got.path("ScheduleExpression").asString()).isEqualTo("cron(30 9 * * ? *)");
        assertThat(got.path("ScheduleExpressionTimezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(got.path("State").asString()).isEqualTo("ENABLED");
        assertThat(got.path("ActionAfterCompletion").asString()).isEqualTo("NONE");
        assertThat(got.path("FlexibleTimeWindow").path("Mode").asString()).isEqualTo("OFF");
        assertThat(got.path("Target").path("Arn").asString()).isEqualTo(FUNCTION);
        assertThat(got.path("Target").path("RoleArn").asString()).isEqualTo(ROLE);
        assertThat(got.path("Target").path("Input").asString()).isEqualTo("{\"a\":1}");
        assertThat(got.path("Target")
                        .path("RetryPolicy")
                        .path("MaximumEventAgeInSeconds")
                        .asInt())
                .isEqualTo(86400);
        assertThat(got.path("Target")
                        .path("RetryPolicy")
                        .path("MaximumRetryAttempts")
                        .asInt())
                .isEqualTo(185);
        assertThat(got.path("CreationDate").isNumber()).isTrue();
        assertThat(got.path("CreationDate").asDouble())
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60.0));
        assertThat(got.has("StartDate")).isFalse();
        assertThat(got.has("Description")).isFalse();
    }

    @Test
    void updateReplacesEverySettingAndListFiltersAndPages() throws Exception {
        call("POST", "/schedules/alpha", berlinSchedule("{}"));
        call("POST", "/schedules/beta", berlinSchedule("{}"));
        Answer updated = call(
                "PUT",
                "/schedules/beta",
                """
                {"ScheduleExpression":"at(2030-01-01T08:00:00)","State":"DISABLED","Description":"once",
                 "ActionAfterCompletion":"DELETE","FlexibleTimeWindow":{"Mode":"FLEXIBLE","MaximumWindowInMinutes":15},
                 "Target":{"Arn":"%s","RoleArn":"%s"}}"""
                        .formatted(FUNCTION, ROLE));
        assertThat(updated.status()).isEqualTo(200);
        JsonNode beta = call("GET", "/schedules/beta", null).body();
        assertThat(beta.path("ScheduleExpression").asString()).isEqualTo("at(2030-01-01T08:00:00)");
        assertThat(beta.path("ScheduleExpressionTimezone").asString()).isEqualTo("UTC");
        assertThat(beta.path("State").asString()).isEqualTo("DISABLED");
        assertThat(beta.path("ActionAfterCompletion").asString()).isEqualTo("DELETE");
        assertThat(beta.path("FlexibleTimeWindow")
                        .path("MaximumWindowInMinutes")
                        .asInt())
                .isEqualTo(15);
        assertThat(beta.path("Target").has("Input")).isFalse();

        JsonNode disabled = call("GET", "/schedules?State=DISABLED", null).body();
        assertThat(disabled.path("Schedules")).hasSize(1);
        assertThat(disabled.path("Schedules").get(0).path("Name").asString()).isEqualTo("beta");
        assertThat(disabled.path("Schedules").get(0).path("Target").path("Arn").asString())
                .isEqualTo(FUNCTION);
        assertThat(call("GET", "/schedules?NamePrefix=al", null).body().path("Schedules"))
                .extracting(s -> s.path("Name").asString())
                .containsExactly("alpha");
        JsonNode first = call("GET", "/schedules?MaxResults=1", null).body();
        assertThat(first.path("Schedules").get(0).path("Name").asString()).isEqualTo("alpha");
        JsonNode second = call(
                        "GET",
                        "/schedules?MaxResults=1&NextToken="
                                + first.path("NextToken").asString(),
                        null)
                .body();
        assertThat(second.path("Schedules").get(0).path("Name").asString()).isEqualTo("beta");
        assertThat(second.has("NextToken")).isFalse();
    }

    @Test
    void missingAndDuplicateSchedulesAndOtherGroupsAreAwsErrors() throws Exception {
        assertError(
                call("GET", "/schedules/ghost", null),
                404,
                "ResourceNotFoundException",
                "Schedule ghost does not exist.");
        assertError(
                call("DELETE", "/schedules/ghost", null),
                404,
                "ResourceNotFoundException",
                "Schedule ghost does not exist.");
        assertError(
                call("PUT", "/schedules/ghost", berlinSchedule("{}")),
                404,
                "ResourceNotFoundException",
                "Schedule ghost does not exist.");
        call("POST", "/schedules/twice", berlinSchedule("{}"));
        assertError(
                call("POST", "/schedules/twice", berlinSchedule("{}")),
                409,
                "ConflictException",
                "Schedule twice already exists.");
        assertError(
                call("GET", "/schedules/twice?groupName=team", null),
                404,
                "ResourceNotFoundException",
                "Schedule group team does not exist.");
    }

    @Test
    void badInputIsAValidationException() throws Exception {
        for (String bad : List.of("rate(10 seconds)", "cron(0 1 * * * *)", "at(2021-12-31T23:59:59Z)", "rate()")) {
            assertError(
                    call("POST", "/schedules/bad", berlinSchedule("{}").replace("cron(30 9 * * ? *)", bad)),
                    400,
                    "ValidationException",
                    "Invalid Schedule Expression " + bad + ".");
        }
        assertError(
                call("POST", "/schedules/bad", berlinSchedule("{}").replace("Europe/Berlin", "Mars/Olympus")),
                400,
                "ValidationException",
                "Invalid Timezone Mars/Olympus.");
        assertError(
                call(
                        "POST",
                        "/schedules/bad",
                        berlinSchedule("{}").replace(FUNCTION, "arn:aws:sqs:us-east-1:000000000000:q")),
                400,
                "ValidationException",
                "Ignis delivers schedule targets to Lambda functions only.");
        assertError(
                call(
                        "POST",
                        "/schedules/bad",
                        berlinSchedule("{}")
                                .replace(
                                        "{\"Mode\":\"OFF\"}",
                                        "{\"Mode\":\"FLEXIBLE\",\"MaximumWindowInMinutes\":1441}")),
                400,
                "ValidationException",
                "1 validation error detected: Value '1441' at 'flexibleTimeWindow.maximumWindowInMinutes' failed to"
                        + " satisfy constraint: Member must have value less than or equal to 1440");
        assertError(
                call("POST", "/schedules/no%20way", berlinSchedule("{}")),
                400,
                "ValidationException",
                "1 validation error detected: Value 'no way' at 'name' failed to satisfy constraint: Member must"
                        + " satisfy regular expression pattern: ^[0-9a-zA-Z-_.]+$");
        assertError(
                call(
                        "POST",
                        "/schedules/bad",
                        """
                        {"ScheduleExpression":"rate(1 hour)","StartDate":%d,"FlexibleTimeWindow":{"Mode":"OFF"},
                         "Target":{"Arn":"%s","RoleArn":"%s"}}"""
                                .formatted(Instant.now().getEpochSecond() - 3600, FUNCTION, ROLE)),
                400,
                "ValidationException",
                "The StartDate you specify cannot be earlier than 5 minutes ago.");
        assertThat(call("GET", "/schedules", null).body().path("Schedules")).isEmpty();
    }

    @Test
    void aRetriedCreateWithItsClientTokenAnswersTheSameSchedule() throws Exception {
        String body = berlinSchedule("{}").replaceFirst("\\{", "{\"ClientToken\":\"token-1\",");
        assertThat(call("POST", "/schedules/once", body).status()).isEqualTo(200);
        Answer again = call("POST", "/schedules/once", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("ScheduleArn").asString()).isEqualTo(SCHEDULE_ARN + "once");
    }

    @Test
    void everyChangeIsPublishedWithTheWholeScheduleAndDeleteLeavesATombstone() throws Exception {
        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            call("POST", "/schedules/published", berlinSchedule("{\"a\":1}"));
            call(
                    "PUT",
                    "/schedules/published",
                    berlinSchedule("{\"a\":2}")
                            .replace("\"FlexibleTimeWindow\"", "\"State\":\"DISABLED\",\"FlexibleTimeWindow\""));
            call("DELETE", "/schedules/published", null);

            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(SCHEDULE_ARN + "published", 3);
            assertThat(records).allSatisfy(r -> assertThat(Lambdas.header(r, "ignis-resource-type"))
                    .isEqualTo("SCHEDULE"));
            JsonNode created = Lambdas.value(records.get(0)).path("snapshot");
            assertThat(created.path("timezone").asString()).isEqualTo("Europe/Berlin");
            assertThat(created.path("target").path("input").asString()).isEqualTo("{\"a\":1}");
            JsonNode updated = Lambdas.value(records.get(1)).path("snapshot");
            assertThat(updated.path("state").asString()).isEqualTo("DISABLED");
            assertThat(updated.path("target").path("input").asString()).isEqualTo("{\"a\":2}");
            assertThat(updated.path("scheduledSince").asString())
                    .isEqualTo(created.path("scheduledSince").asString());
            assertThat(records.get(2).value()).isNull();
        }
    }

    @Test
    void theWireIsRestJsonWithAwsErrorShape() throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/schedules/ghost"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
        assertThat(answer.body()).isEqualTo("{\"Message\":\"Schedule ghost does not exist.\"}");
    }

    private Answer call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                answer.statusCode(),
                answer.headers().firstValue("x-amzn-ErrorType").orElse(null),
                answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body()));
    }

    private static void assertError(Answer answer, int status, String type, String message) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.errorType()).isEqualTo(type);
        assertThat(answer.body().path("Message").asString()).isEqualTo(message);
    }
}
