package dev.ignis.contracts.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EventBridge Scheduler's expressions in a time zone: cron and at read in the zone, and AWS's
 * daylight-saving rule (a skipped wall time does not fire, a repeated one fires once). Berlin moves
 * to summer time on 2026-03-29 at 02:00 and back on 2026-10-25 at 03:00; New York on 2026-03-08
 * and 2026-11-01.
 */
class ScheduleTimeZoneTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant ANY = Instant.EPOCH;

    private static Instant next(String expression, String after, ZoneId zone) {
        return ScheduleExpression.parseForScheduler(expression)
                .nextAfter(Instant.parse(after), ANY, zone)
                .orElseThrow();
    }

    @Test
    void cronFollowsTheZonesWallClockInWinterAndSummer() {
        assertThat(next("cron(30 9 * * ? *)", "2026-01-10T00:00:00Z", BERLIN))
                .isEqualTo(Instant.parse("2026-01-10T08:30:00Z"));
        assertThat(next("cron(30 9 * * ? *)", "2026-07-10T00:00:00Z", BERLIN))
                .isEqualTo(Instant.parse("2026-07-10T07:30:00Z"));
        assertThat(next("cron(30 9 * * ? *)", "2026-07-10T00:00:00Z", NEW_YORK))
                .isEqualTo(Instant.parse("2026-07-10T13:30:00Z"));
    }

    @Test
    void cronOnAWallTimeSpringForwardSkipsDoesNotFireThatDay() {
        // 02:30 on 29 March does not exist in Berlin: the fire after the 28th's is the 30th's
        assertThat(next("cron(30 2 * * ? *)", "2026-03-28T01:30:00Z", BERLIN))
                .isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));
        assertThat(next("cron(30 2 * * ? *)", "2026-03-07T07:30:00Z", NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-09T06:30:00Z"));
    }

    @Test
    void cronOnAWallTimeFallBackRepeatsFiresOnlyOnce() {
        Instant first = next("cron(30 2 * * ? *)", "2026-10-24T00:30:00Z", BERLIN);
        assertThat(first).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(next("cron(30 2 * * ? *)", first.toString(), BERLIN))
                .isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));

        Instant hourly = next("cron(0 * * * ? *)", "2026-11-01T05:30:00Z", NEW_YORK);
        assertThat(hourly).isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
    }

    @Test
    void cronAroundTheChangesKeepsEveryOtherWallTime() {
        // 01:00 and 03:00 exist on the spring day in Berlin, one hour apart in real time
        Instant one = next("cron(0 1,3 * * ? *)", "2026-03-28T23:00:00Z", BERLIN);
        assertThat(one).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
        assertThat(next("cron(0 1,3 * * ? *)", one.toString(), BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void rulesStayInUtc() {
        assertThat(ScheduleExpression.parse("cron(30 9 * * ? *)").nextAfter(Instant.parse("2026-07-10T00:00:00Z"), ANY))
                .contains(Instant.parse("2026-07-10T09:30:00Z"));
    }

    @Test
    void atNamesOneWallTimeInTheZoneAndNothingAfterIt() {
        ScheduleExpression at = ScheduleExpression.parseForScheduler("at(2026-07-01T09:00:00)");
        assertThat(at.nextAfter(Instant.parse("2026-06-01T00:00:00Z"), ANY, BERLIN))
                .contains(Instant.parse("2026-07-01T07:00:00Z"));
        assertThat(at.nextAfter(Instant.parse("2026-06-01T00:00:00Z"), ANY, NEW_YORK))
                .contains(Instant.parse("2026-07-01T13:00:00Z"));
        assertThat(at.nextAfter(Instant.parse("2026-07-01T07:00:00Z"), ANY, BERLIN))
                .isEmpty();
    }

    @Test
    void atInAFallBackHourIsItsFirstPass() {
        assertThat(ScheduleExpression.parseForScheduler("at(2026-10-25T02:30:00)")
                        .nextAfter(Instant.parse("2026-10-01T00:00:00Z"), ANY, BERLIN))
                .contains(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"at(2021-12-31T23:59:59Z)", "at(2021-12-31)", "at(2026-02-30T10:00:00)", "at(2026-1-01T10:00:00)"
            })
    void refusesAtExpressionsAwsRefuses(String text) {
        assertThatThrownBy(() -> ScheduleExpression.parseForScheduler(text))
                .isInstanceOf(InvalidScheduleExpressionException.class);
    }

    @Test
    void rulesDoNotTakeAt() {
        assertThatThrownBy(() -> ScheduleExpression.parse("at(2026-07-01T09:00:00)"))
                .isInstanceOf(InvalidScheduleExpressionException.class);
    }
}
