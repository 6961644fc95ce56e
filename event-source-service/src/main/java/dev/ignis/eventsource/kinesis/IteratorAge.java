package dev.ignis.eventsource.kinesis;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lambda's {@code IteratorAge} for one mapping, beside its {@link dev.ignis.eventsource.poller.PollerMetrics}:
 * the time between the arrival of the last record of a batch in the stream and the batch's invoke,
 * as of the newest invoke of any shard. Public name {@code lambda_iterator_age_seconds}
 * (docs/metrics.md), tagged {@code function} and {@code mapping}.
 */
final class IteratorAge {

    static final String NAME = "lambda.iterator.age";

    private final MeterRegistry registry;
    private final AtomicLong millis = new AtomicLong();
    private final Gauge gauge;

    IteratorAge(MeterRegistry registry, String mappingUuid, String functionArn) {
        this.registry = registry;
        String function = functionArn.substring(functionArn.indexOf(":function:") + ":function:".length());
        this.gauge = Gauge.builder(NAME, millis, m -> m.get() / 1000.0)
                .description("IteratorAge: age of the last record of the newest batch invoked")
                .baseUnit("seconds")
                .tag("mapping", mappingUuid)
                .tag("function", function)
                .register(registry);
    }

    void observe(long ageMillis) {
        millis.set(Math.max(0, ageMillis));
    }

    void remove() {
        registry.remove(gauge);
    }
}
