package dev.ignis.eventsource.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.ScheduleSnapshot;
import dev.ignis.contracts.schedule.ScheduleExpression;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A Scheduler schedule's fire times as AWS documents them, through {@link FireTimes}. Pure. */
class ScheduledScheduleTest {

    static final Instant CREATED = Instant.parse("2026-03-27T18:00:40Z");
    final FireTimes times = new FireTimes(Duration.ofMinutes(2));

    @Test
    void aRateWithoutStartDateFiresAtOnceThenEveryPeriod() {
        ScheduledSchedule rate = schedule("rate(5 minutes)", "UTC", null, null);

        assertThat(times.next(rate, null, CREATED)).contains(new FireTimes.Next(CREATED, false));
        assertThat(times.next(rate, CREATED, CREATED.plusSeconds(1)))
                .contains(new FireTimes.Next(CREATED.plus(Duration.ofMinutes(5)), false));
    }

    @Test
    void aRateWithStartDateFirstFiresAtIt() {
        Instant start = Instant.parse("2026-03-28T06:00:00Z");
        ScheduledSchedule rate = schedule("rate(1 hour)", "UTC", start, null);

        assertThat(rate.nextAfter(rate.activeSince())).contains(start);
        assertThat(rate.nextAfter(start)).contains(start.plus(Duration.ofHours(1)));
    }

    @Test
    void cronWaitsForStartDateAndStopsAtEndDateInItsZone() {
        Instant start = Instant.parse("2026-03-28T12:00:00Z");
        Instant end = Instant.parse("2026-03-31T00:00:00Z");
        ScheduledSchedule berlin = schedule("cron(30 9 * * ? *)", "Europe/Berlin", start, end);

        // 09:30 on the 28th (CET) has passed at StartDate; the 29th is summer time
        assertThat(berlin.nextAfter(berlin.activeSince())).contains(Instant.parse("2026-03-29T07:30:00Z"));
        assertThat(berlin.nextAfter(Instant.parse("2026-03-30T07:30:00Z"))).isEmpty();
    }

    @Test
    void atIgnoresStartAndEndDateAndFiresOnce() {
        ScheduledSchedule at = schedule(
                "at(2026-04-01T10:00:00)",
                "America/New_York",
                Instant.parse("2026-05-01T00:00:00Z"),
                Instant.parse("2026-03-30T00:00:00Z"));

        assertThat(at.nextAfter(at.activeSince())).contains(Instant.parse("2026-04-01T14:00:00Z"));
        assertThat(at.nextAfter(Instant.parse("2026-04-01T14:00:00Z"))).isEmpty();
    }

    @Test
    void aScheduleNeedsNoResourcePolicyAndSendsItsInputOrAnEmptyObject() {
        ScheduledSchedule with = schedule("rate(1 day)", "UTC", null, null);
        Scheduled.Fire fire = new Scheduled.Fire("id", CREATED, "000000000000", "us-east-1");

        assertThat(with.deliveries(fire))
                .containsExactly(new Scheduled.Delivery(Schedules.FUNCTIONS + "f", "{\"a\":1}", null));
        assertThat(with.name()).isEqualTo("default/s");
    }

    private static ScheduledSchedule schedule(String expression, String zone, Instant start, Instant end) {
        ScheduleSnapshot base = Schedules.schedule("s", expression, zone, CREATED, "f", "{\"a\":1}");
        ScheduleSnapshot snapshot = new ScheduleSnapshot(
                base.name(),
                base.groupName(),
                base.arn(),
                expression,
                zone,
                start,
                end,
                ScheduleSnapshot.ENABLED,
                null,
                base.flexibleTimeWindow(),
                base.target(),
                "NONE",
                CREATED,
                CREATED,
                CREATED,
                CREATED);
        return new ScheduledSchedule(snapshot, ScheduleExpression.parseForScheduler(expression), ZoneId.of(zone));
    }
}
