package dev.ignis.eventsource.kinesis;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lambda's {@code IteratorAge} for one mapping, beside its {@link dev.ignis.eventsource.poller.PollerMetrics}:
 * milliseconds between the arrival of the last record of a batch in the stream and the batch's
 * invoke, as of the newest invoke of any shard. Tagged {@code mapping} and {@code function}.
 */
final class IteratorAge {

    static final String NAME = "ignis.eventsource.iterator.age";

    private final MeterRegistry registry;
    private final AtomicLong millis = new AtomicLong();
    private final Gauge gauge;

    IteratorAge(MeterRegistry registry, String mappingUuid, String functionArn) {
        this.registry = registry;
        String function = functionArn.substring(functionArn.indexOf(":function:") + ":function:".length());
        this.gauge = Gauge.builder(NAME, millis, AtomicLong::get)
                .description("IteratorAge: age in milliseconds of the last record of the newest batch invoked")
                .baseUnit("milliseconds")
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
