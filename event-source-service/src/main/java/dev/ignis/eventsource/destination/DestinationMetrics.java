package dev.ignis.eventsource.destination;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * One mapping's OnFailure deliveries, tagged {@code mapping} and {@code function}:
 * {@code ignis.eventsource.destination.records{outcome=sent}} counts records the destination took,
 * {@code ignis.eventsource.destination.failures} the deliveries it refused or did not answer (each
 * tried again). Removed when the poller stops.
 */
public final class DestinationMetrics {

    private final MeterRegistry registry;
    private final Counter sent;
    private final Counter failures;

    public DestinationMetrics(MeterRegistry registry, String mappingUuid, String functionArn) {
        this.registry = registry;
        String function = functionArn.substring(functionArn.indexOf(":function:") + ":function:".length());
        sent = Counter.builder("ignis.eventsource.destination.records")
                .tag("mapping", mappingUuid)
                .tag("function", function)
                .tag("outcome", "sent")
                .register(registry);
        failures = Counter.builder("ignis.eventsource.destination.failures")
                .description("OnFailure deliveries that failed and are tried again")
                .tag("mapping", mappingUuid)
                .tag("function", function)
                .register(registry);
    }

    public void sent(int records) {
        sent.increment(records);
    }

    public void failed() {
        failures.increment();
    }

    public void remove() {
        List.of(sent, failures).forEach(registry::remove);
    }
}
