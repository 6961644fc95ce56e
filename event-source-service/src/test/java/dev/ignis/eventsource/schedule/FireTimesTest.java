package dev.ignis.eventsource.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.schedule.ScheduleExpression;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FireTimesTest {

    static final Instant CREATED = Instant.parse("2026-12-04T18:00:20Z");
    final FireTimes times = new FireTimes(Duration.ofMinutes(2));

    @Test
    void aNewRateRuleFirstFiresOnePeriodAfterTheMinuteItWasCreatedIn() {
        ScheduledRule rule = rule("rate(5 minutes)", CREATED);

        assertThat(times.next(rule, null, CREATED)).contains(new FireTimes.Next(at("18:05:00"), false));
    }

    @Test
    void theNextFireFollowsTheLastOne() {
        ScheduledRule rule = rule("rate(1 minute)", CREATED);

        assertThat(times.next(rule, at("18:07:00"), at("18:07:30")))
                .contains(new FireTimes.Next(at("18:08:00"), false));
    }

    @Test
    void aFireMissedWithinTheGraceWindowIsStillDue() {
        ScheduledRule rule = rule("rate(1 minute)", CREATED);

        assertThat(times.next(rule, at("18:07:00"), at("18:09:30")))
                .as("18:08 and 18:09 were missed, 18:08 is 90 s old")
                .contains(new FireTimes.Next(at("18:08:00"), false));
    }

    @Test
    void firesMissedPastTheGraceWindowAreSkipped_asEventBridgeDoesNotCatchUp() {
        ScheduledRule rule = rule("rate(1 minute)", CREATED);

        assertThat(times.next(rule, at("18:07:00"), at("19:00:30"))).contains(new FireTimes.Next(at("18:59:00"), true));
    }

    @Test
    void nothingBeforeTheRuleBecameActiveIsDue() {
        ScheduledRule cron = rule("cron(* * * * ? *)", CREATED);

        assertThat(times.next(cron, null, at("18:00:50"))).contains(new FireTimes.Next(at("18:01:00"), false));
        assertThat(times.next(cron, at("17:00:00"), at("18:00:50")))
                .as("a mark from before the rule was enabled again")
                .contains(new FireTimes.Next(at("18:01:00"), false));
    }

    private static ScheduledRule rule(String expression, Instant since) {
        var snapshot = Schedules.rule("r", expression, since);
        return new ScheduledRule(snapshot, ScheduleExpression.parse(expression));
    }

    private static Instant at(String time) {
        return Instant.parse("2026-12-04T" + time + "Z");
    }
}
