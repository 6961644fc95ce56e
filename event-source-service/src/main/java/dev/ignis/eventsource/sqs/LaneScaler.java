package dev.ignis.eventsource.sqs;

import java.time.Duration;

/**
 * How many receive-and-invoke lanes (each at most one batch in flight) one SQS mapping runs, as
 * Lambda scales its SQS pollers: {@code initial} to start (Lambda's five, or MaximumConcurrency if
 * lower); once per interval, {@code step} more while the queue holds visible messages (Lambda adds
 * up to 300 a minute), one fewer while it holds none or the function throttles, never below the start
 * nor above {@code max} (MaximumConcurrency). A pure policy over readings and an injected time.
 */
final class LaneScaler {

    private final int floor;
    private final int max;
    private final int step;
    private final long interval;
    private int target;
    private long nextAt;

    LaneScaler(int initial, int max, int step, Duration interval) {
        this.max = max;
        this.floor = Math.min(initial, max);
        this.step = step;
        this.interval = interval.toMillis();
        this.target = floor;
    }

    int target() {
        return target;
    }

    boolean due(long now) {
        return now >= nextAt;
    }

    /**
     * @param backlog the queue's visible messages (ApproximateNumberOfMessages); negative when unknown
     * @param throttled whether an invoke was throttled since the last reading
     */
    void observe(long backlog, boolean throttled, long now) {
        nextAt = now + interval;
        if (throttled || backlog == 0) {
            target = Math.max(floor, target - 1);
        } else if (backlog > 0) {
            target = Math.min(max, target + step);
        }
    }
}
