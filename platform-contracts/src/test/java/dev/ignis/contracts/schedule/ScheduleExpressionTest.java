package dev.ignis.contracts.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AWS's own examples of valid and refused expressions (as recorded against EventBridge), and the fire times. */
class ScheduleExpressionTest {

    private static final Instant ANCHOR = Instant.parse("2026-12-04T18:00:40Z");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rate(1 minute)",
                "rate(5 minutes)",
                "rate(1 hour)",
                "rate(12 hours)",
                "rate(1 day)",
                "rate(7 days)",
                "cron(0 2 ? * SAT *)",
                "cron(0 12 * * ? *)",
                "cron(5,35 14 * * ? *)",
                "cron(15 10 ? * 6L 2002-2005)",
                "cron(0 2 ? * SAT#3 *)",
                "cron(* * ? * SAT#3 *)",
                "cron(0/5 5 ? JAN 1-5 2022)",
                "cron(0 10 * * ? *)",
                "cron(15 12 * * ? *)",
                "cron(0 18 ? * MON-FRI *)",
                "cron(0 8 1 * ? *)",
                "cron(0/15 * * * ? *)",
                "cron(0/10 * ? * MON-FRI *)",
                "cron(0/5 8-17 ? * MON-FRI *)",
                "cron(0/30 20-23 ? * MON-FRI *)",
                "cron(0/30 0-2 ? * MON-FRI *)",
                "cron(0 9 L * ? *)",
                "cron(0 9 15W * ? *)",
                "cron(0 0 1 JAN,JUL ? 2030)",
            })
    void acceptsWhatEventBridgeAccepts(String text) {
        assertThat(ScheduleExpression.parse(text).text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rate(10 seconds)",
                "rate(10 years)",
                "rate(1 minutes)",
                "rate(1 hours)",
                "rate(1 days)",
                "rate(10 minute)",
                "rate(10 hour)",
                "rate(10 day)",
                "rate()",
                "rate(10)",
                "rate(10 minutess)",
                "rate(foo minutes)",
                "rate(0 minutes)",
                "rate(-10 minutes)",
                "rate(10 MINUTES)",
                "rate( 10 minutes )",
                " rate(10 minutes)",
                "cron(0 1 * * * *)",
                "cron(7 20 * * NOT *)",
                "cron(INVALID)",
                "cron(0 dummy ? * MON-FRI *)",
                "cron(71 8 1 * ? *)",
                "cron(0 1 ? * ? *)",
                "cron(0 12 * * ?)",
                "cron(0 0 12 * * ? *)",
                "cron(0 24 * * ? *)",
                "cron(0 0 32 * ? *)",
                "cron(0 0 ? 13 MON *)",
                "cron(0 0 ? * 8 *)",
                "cron(0 0 1 * ? 1969)",
                "cron(0  12 * * ? *)",
                "at(2026-12-04T18:00:00)",
                "",
            })
    void refusesWhatEventBridgeRefuses_withItsMessage(String text) {
        assertThatThrownBy(() -> ScheduleExpression.parse(text))
                .isInstanceOf(InvalidScheduleExpressionException.class)
                .hasMessage("Parameter ScheduleExpression is not valid.");
    }

    @Test
    void aRateFiresEveryPeriodFromItsAnchorsMinute() {
        ScheduleExpression rate = ScheduleExpression.parse("rate(5 minutes)");

        assertThat(rate.nextAfter(ANCHOR, ANCHOR)).contains(Instant.parse("2026-12-04T18:05:00Z"));
        assertThat(rate.nextAfter(Instant.parse("2026-12-04T18:05:00Z"), ANCHOR))
                .contains(Instant.parse("2026-12-04T18:10:00Z"));
        assertThat(rate.nextAfter(Instant.parse("2026-12-04T18:07:13Z"), ANCHOR))
                .contains(Instant.parse("2026-12-04T18:10:00Z"));
        assertThat(rate.nextAfter(Instant.parse("2026-12-01T00:00:00Z"), ANCHOR))
                .as("never before its first period")
                .contains(Instant.parse("2026-12-04T18:05:00Z"));
    }

    @Test
    void aRateWithShortenedMinutesKeepsItsShape() {
        RateExpression rate =
                ((RateExpression) ScheduleExpression.parse("rate(2 minutes)")).withMinute(Duration.ofSeconds(1));

        assertThat(rate.period()).isEqualTo(Duration.ofSeconds(2));
        assertThat(rate.nextAfter(Instant.parse("2026-12-04T18:00:01.500Z"), Instant.parse("2026-12-04T18:00:00.700Z")))
                .contains(Instant.parse("2026-12-04T18:00:02Z"));
    }

    @Test
    void cronTimesAreUtcAndStrictlyAfter() {
        ScheduleExpression daily = ScheduleExpression.parse("cron(0 18 * * ? *)");

        assertThat(daily.nextAfter(Instant.parse("2026-12-04T17:59:59Z"), ANCHOR))
                .contains(Instant.parse("2026-12-04T18:00:00Z"));
        assertThat(daily.nextAfter(Instant.parse("2026-12-04T18:00:00Z"), ANCHOR))
                .contains(Instant.parse("2026-12-05T18:00:00Z"));
    }

    @Test
    void cronDaysOfTheWeekCountFromSunday() {
        // 2026-12-05 is a Saturday.
        Instant saturday = Instant.parse("2026-12-05T12:00:00Z");

        assertThat(ScheduleExpression.parse("cron(0 18 ? * MON-FRI *)").nextAfter(saturday, ANCHOR))
                .contains(Instant.parse("2026-12-07T18:00:00Z"));
        assertThat(ScheduleExpression.parse("cron(0 18 ? * 2 *)").nextAfter(saturday, ANCHOR))
                .contains(Instant.parse("2026-12-07T18:00:00Z"));
        assertThat(ScheduleExpression.parse("cron(0 18 ? * 1 *)").nextAfter(saturday, ANCHOR))
                .contains(Instant.parse("2026-12-06T18:00:00Z"));
    }

    @Test
    void cronLastHashAndWeekdaySpecials() {
        Instant start = Instant.parse("2026-12-01T00:00:00Z");

        assertThat(ScheduleExpression.parse("cron(15 10 ? * 6L *)").nextAfter(start, ANCHOR))
                .as("the last Friday of December 2026")
                .contains(Instant.parse("2026-12-25T10:15:00Z"));
        assertThat(ScheduleExpression.parse("cron(0 2 ? * SAT#3 *)").nextAfter(start, ANCHOR))
                .as("the third Saturday")
                .contains(Instant.parse("2026-12-19T02:00:00Z"));
        assertThat(ScheduleExpression.parse("cron(0 9 L * ? *)").nextAfter(start, ANCHOR))
                .as("the last day of the month")
                .contains(Instant.parse("2026-12-31T09:00:00Z"));
        assertThat(ScheduleExpression.parse("cron(0 9 5W * ? *)").nextAfter(start, ANCHOR))
                .as("the weekday nearest the 5th, a Saturday: Friday the 4th")
                .contains(Instant.parse("2026-12-04T09:00:00Z"));
    }

    @Test
    void aCronWhoseYearsArePastNeverFires() {
        assertThat(ScheduleExpression.parse("cron(15 10 ? * 6L 2002-2005)").nextAfter(ANCHOR, ANCHOR))
                .isEmpty();
    }
}
