package dev.ignis.eventsource.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Schedule metrics, tagged by rule name (docs/metrics.md): fires, targets queued or denied, fires
 * skipped past the grace window, transactions that failed and are tried again, and lateness (how long
 * after its scheduled time a fire was committed). A rule's skipped and failure counters exist from its
 * first fire, at zero, so dashboards and alerts see a series before the first trouble.
 */
final class ScheduleMetrics {

    private final MeterRegistry meters;

    ScheduleMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void fired(String rule, Duration lateness) {
        Counter.builder("ignis.schedule.fires")
                .description("Fire times of schedule rules fired")
                .tag("rule", rule)
                .register(meters)
                .increment();
        Timer.builder("ignis.schedule.lateness")
                .description("How long after its scheduled time a fire was committed")
                .tag("rule", rule)
                .publishPercentiles(0.5, 0.99)
                .register(meters)
                .record(lateness.isNegative() ? Duration.ZERO : lateness);
        skippedCounter(rule);
        failuresCounter(rule);
    }

    void target(String rule, String outcome) {
        Counter.builder("ignis.schedule.targets")
                .description("Targets of fired schedule rules, by outcome: queued or denied (no permission)")
                .tag("rule", rule)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    void skipped(String rule) {
        skippedCounter(rule).increment();
    }

    void failed(String rule) {
        failuresCounter(rule).increment();
    }

    private Counter skippedCounter(String rule) {
        return Counter.builder("ignis.schedule.skipped")
                .description("Schedule rules whose missed fire times were skipped past the grace window")
                .tag("rule", rule)
                .register(meters);
    }

    private Counter failuresCounter(String rule) {
        return Counter.builder("ignis.schedule.failures")
                .description("Fire transactions that failed and are tried again")
                .tag("rule", rule)
                .register(meters);
    }
}
