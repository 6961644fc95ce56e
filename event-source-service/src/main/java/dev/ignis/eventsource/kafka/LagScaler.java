package dev.ignis.eventsource.kafka;

import java.time.Duration;

/**
 * How many batches of one mapping may be in flight at once, as Lambda scales Kafka consumers: one
 * to start; at most once per interval, one more while the lag passes {@code scaleUpLag} per running
 * batch, up to the partitions held (one batch per partition keeps order), and one fewer once the
 * lag is gone. A pure policy over the observed lag and an injected time.
 */
final class LagScaler {

    private final long interval;
    private final long scaleUpLag;
    private int concurrency = 1;
    private long nextAt;

    LagScaler(Duration interval, long scaleUpLag) {
        this.interval = interval.toMillis();
        this.scaleUpLag = scaleUpLag;
    }

    int concurrency() {
        return concurrency;
    }

    /** Whether it is time to look at the lag again. */
    boolean due(long now) {
        return now >= nextAt;
    }

    /** Takes one reading of the lag (records not processed yet) over {@code partitions} held. */
    void observe(long lag, int partitions, long now) {
        nextAt = now + interval;
        if (lag > scaleUpLag * concurrency && concurrency < Math.max(1, partitions)) {
            concurrency++;
        } else if ((lag == 0 && concurrency > 1) || concurrency > Math.max(1, partitions)) {
            concurrency--;
        }
    }
}
