package dev.ignis.asyncqueue.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.asyncqueue.invoke.InvokeOutcome;
import dev.ignis.asyncqueue.support.Fixtures;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.invocation.AsyncInvocation;
import dev.ignis.contracts.invocation.InvocationRecord.Condition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class InvocationRecordsTest {

    static final Instant T0 = Instant.parse("2026-12-04T00:00:00Z");
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aFailureRecord_isWrittenFieldForFieldAsAwsWritesIt() {
        AsyncInvocation event = Fixtures.event("{\"order\":7}", T0);
        InvokeOutcome.Ran error = new InvokeOutcome.Ran(
                "$LATEST",
                "{\"errorMessage\":\"boom\",\"errorType\":\"Error\"}".getBytes(StandardCharsets.UTF_8),
                "Unhandled");

        Outgoing record = InvocationRecords.record(
                event, Condition.RetriesExhausted, error, 3, Instant.parse("2026-12-04T00:03:10.123456Z"));

        assertThat(record.key()).isEqualTo(Fixtures.ARN);
        assertThat(record.attributes()).isEmpty();
        assertThat(json.readTree(record.body()))
                .isEqualTo(
                        json.readTree(
                                """
                        {"version":"1.0","timestamp":"2026-12-04T00:03:10.123Z",
                         "requestContext":{"requestId":"4f5e6d7c-1234-4abc-8def-0123456789ab",
                           "functionArn":"arn:aws:lambda:us-east-1:000000000000:function:fn:$LATEST",
                           "condition":"RetriesExhausted","approximateInvokeCount":3},
                         "requestPayload":{"order":7},
                         "responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},
                         "responsePayload":{"errorMessage":"boom","errorType":"Error"}}"""));
    }

    @Test
    void aSuccessRecord_hasNoFunctionError_andKeepsAQualifiedArnAsItIs() {
        AsyncInvocation event = new AsyncInvocation("id-1", Fixtures.ARN + ":live", "\"text\"", null, null, T0, 1);

        Outgoing record = InvocationRecords.record(
                event,
                Condition.Success,
                new InvokeOutcome.Ran("3", "42".getBytes(StandardCharsets.UTF_8), null),
                1,
                T0);

        var tree = json.readTree(record.body());
        assertThat(tree.at("/requestContext/functionArn").asString()).isEqualTo(Fixtures.ARN + ":live");
        assertThat(tree.at("/requestContext/condition").asString()).isEqualTo("Success");
        assertThat(tree.at("/responseContext/executedVersion").asString()).isEqualTo("3");
        assertThat(tree.at("/responseContext").has("functionError")).isFalse();
        assertThat(tree.get("requestPayload").asString()).isEqualTo("text");
        assertThat(tree.get("responsePayload").asInt()).isEqualTo(42);
    }

    @Test
    void aDeadLetter_isTheOriginalEventWithRequestIdErrorCodeAndTheFirstKilobyteOfTheMessage() {
        AsyncInvocation event = Fixtures.event("{\"order\":7}", T0);
        String longMessage = "é".repeat(700);
        InvokeOutcome.Ran error = new InvokeOutcome.Ran(
                "$LATEST",
                ("{\"errorMessage\":\"" + longMessage + "\"}").getBytes(StandardCharsets.UTF_8),
                "Unhandled");

        Outgoing letter = InvocationRecords.deadLetter(event, error, Condition.RetriesExhausted);

        assertThat(letter.body()).isEqualTo("{\"order\":7}");
        assertThat(letter.attributes())
                .containsEntry("RequestID", Outgoing.Attribute.string(event.requestId()))
                .containsEntry("ErrorCode", Outgoing.Attribute.number(200));
        String message = letter.attributes().get("ErrorMessage").value();
        assertThat(message.getBytes(StandardCharsets.UTF_8)).hasSize(1024);
        assertThat(longMessage).startsWith(message);
    }

    @Test
    void aThrottledDeadLetter_carriesTheServiceErrorsStatusAndMessage() {
        Outgoing letter = InvocationRecords.deadLetter(
                Fixtures.event("{}", T0),
                InvokeOutcome.Refused.of(LambdaErrorType.TOO_MANY_REQUESTS, "Rate Exceeded."),
                Condition.RetriesExhausted);

        assertThat(letter.attributes())
                .containsEntry("ErrorCode", Outgoing.Attribute.number(429))
                .containsEntry("ErrorMessage", Outgoing.Attribute.string("Rate Exceeded."));
    }
}
