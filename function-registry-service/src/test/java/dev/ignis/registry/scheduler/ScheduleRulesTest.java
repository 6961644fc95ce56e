package dev.ignis.registry.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignis.registry.scheduler.SchedulerApi.DeadLetterConfig;
import dev.ignis.registry.scheduler.SchedulerApi.FlexibleTimeWindow;
import dev.ignis.registry.scheduler.SchedulerApi.RetryPolicy;
import dev.ignis.registry.scheduler.SchedulerApi.ScheduleRequest;
import dev.ignis.registry.scheduler.SchedulerApi.Target;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Scheduler's constraints with AWS's messages, without the service around them. */
class ScheduleRulesTest {

    static final Instant NOW = Instant.parse("2026-12-04T21:00:00Z");
    static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:f";
    static final String ROLE = "arn:aws:iam::000000000000:role/x";

    @Test
    void theCliCallOfTheIssuePasses() {
        assertThatCode(() -> ScheduleRules.check("s", request("cron(30 9 * * ? *)", "Europe/Berlin", target()), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void everyModelViolationIsReportedInOneMessage() {
        Target target = new Target(
                FUNCTION,
                "not-a-role",
                null,
                new RetryPolicy(59, 186),
                new DeadLetterConfig("arn:aws:sns:us-east-1:000000000000:t"),
                null,
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> ScheduleRules.check("s", request("rate(1 hour)", null, target), NOW))
                .isInstanceOfSatisfying(SchedulerApiException.class, e -> {
                    assertThat(e.type()).isEqualTo("ValidationException");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage())
                            .isEqualTo("4 validation errors detected: Value 'not-a-role' at 'target.roleArn' failed to"
                                    + " satisfy constraint: Member must satisfy regular expression pattern:"
                                    + " ^arn:aws(-[a-z]+)?:iam::\\d{12}:role\\/[\\w+=,.@\\/-]+$; Value '59' at"
                                    + " 'target.retryPolicy.maximumEventAgeInSeconds' failed to satisfy constraint:"
                                    + " Member must have value greater than or equal to 60; Value '186' at"
                                    + " 'target.retryPolicy.maximumRetryAttempts' failed to satisfy constraint:"
                                    + " Member must have value less than or equal to 185; Value"
                                    + " 'arn:aws:sns:us-east-1:000000000000:t' at 'target.deadLetterConfig.arn' failed"
                                    + " to satisfy constraint: Member must satisfy regular expression pattern:"
                                    + " ^arn:aws(-[a-z]+)?:sqs:[a-z0-9\\-]+:\\d{12}:[a-zA-Z0-9\\-_]+$");
                });
    }

    @Test
    void requiredMembersMustBePresent() {
        ScheduleRequest empty =
                new ScheduleRequest(null, null, null, null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> ScheduleRules.check("s", empty, NOW))
                .hasMessage("3 validation errors detected: Value null at 'scheduleExpression' failed to satisfy"
                        + " constraint: Member must not be null; Value null at 'flexibleTimeWindow' failed to satisfy"
                        + " constraint: Member must not be null; Value null at 'target' failed to satisfy constraint:"
                        + " Member must not be null");
    }

    @Test
    void datesOfRecurringSchedulesAreChecked_andOneTimeSchedulesIgnoreThem() {
        BigDecimal anHourAgo = SchedulerJson.seconds(NOW.minusSeconds(3600));
        BigDecimal fourMinutesAgo = SchedulerJson.seconds(NOW.minusSeconds(240));
        assertThatThrownBy(() -> ScheduleRules.check("s", dated("rate(1 hour)", anHourAgo, null), NOW))
                .hasMessage("The StartDate you specify cannot be earlier than 5 minutes ago.");
        assertThatCode(() -> ScheduleRules.check("s", dated("rate(1 hour)", fourMinutesAgo, null), NOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ScheduleRules.check(
                        "s",
                        dated(
                                "rate(1 hour)",
                                SchedulerJson.seconds(NOW.plusSeconds(600)),
                                SchedulerJson.seconds(NOW.plusSeconds(60))),
                        NOW))
                .hasMessage("The EndDate you specify must be later than the StartDate.");
        assertThatCode(() -> ScheduleRules.check("s", dated("at(2027-01-01T00:00:00)", anHourAgo, anHourAgo), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void aFlexibleWindowNeedsItsMaximumAndOffRefusesOne() {
        assertThatThrownBy(() -> ScheduleRules.check("s", windowed(new FlexibleTimeWindow("FLEXIBLE", null)), NOW))
                .hasMessage("MaximumWindowInMinutes must be specified when FlexibleTimeWindow Mode is FLEXIBLE.");
        assertThatThrownBy(() -> ScheduleRules.check("s", windowed(new FlexibleTimeWindow("OFF", 5)), NOW))
                .hasMessage("MaximumWindowInMinutes cannot be specified when FlexibleTimeWindow Mode is OFF.");
        assertThatThrownBy(() -> ScheduleRules.check("s", windowed(new FlexibleTimeWindow("SOMETIMES", null)), NOW))
                .hasMessage("1 validation error detected: Value 'SOMETIMES' at 'flexibleTimeWindow.mode' failed to"
                        + " satisfy constraint: Member must satisfy enum value set: [OFF, FLEXIBLE]");
    }

    @Test
    void aLambdaTargetTakesJsonInputOnly() {
        Target text = new Target(FUNCTION, ROLE, "not json", null, null, null, null, null, null, null);
        assertThatThrownBy(() -> ScheduleRules.check("s", request("rate(1 hour)", null, text), NOW))
                .hasMessage("Input for a Lambda target must be well-formed JSON.");
    }

    private static Target target() {
        return new Target(FUNCTION, ROLE, "{\"a\":1}", null, null, null, null, null, null, null);
    }

    private static ScheduleRequest request(String expression, String zone, Target target) {
        return new ScheduleRequest(
                expression,
                zone,
                null,
                null,
                null,
                null,
                new FlexibleTimeWindow("OFF", null),
                target,
                null,
                null,
                null,
                null);
    }

    private static ScheduleRequest dated(String expression, BigDecimal start, BigDecimal end) {
        return new ScheduleRequest(
                expression,
                null,
                start,
                end,
                null,
                null,
                new FlexibleTimeWindow("OFF", null),
                target(),
                null,
                null,
                null,
                null);
    }

    private static ScheduleRequest windowed(FlexibleTimeWindow window) {
        return new ScheduleRequest(
                "rate(1 hour)", null, null, null, null, null, window, target(), null, null, null, null);
    }
}
