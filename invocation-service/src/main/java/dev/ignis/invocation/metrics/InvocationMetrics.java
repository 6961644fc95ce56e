package dev.ignis.invocation.metrics;

import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.invocation.concurrency.ConcurrencyGate;
import dev.ignis.invocation.environment.Environments;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lambda's CloudWatch metrics under Prometheus-friendly names, tagged by function and version:
 * {@code lambda.invocations} (Invocations), {@code lambda.errors} (Errors), {@code lambda.throttles}
 * (Throttles), {@code lambda.duration} (Duration), {@code lambda.concurrent.executions}
 * (ConcurrentExecutions), {@code lambda.provisioned.concurrency.utilization}
 * (ProvisionedConcurrencyUtilization), {@code lambda.init.duration} (Init Duration of cold starts);
 * and per replica {@code lambda.unreserved.concurrent.executions} (UnreservedConcurrentExecutions)
 * and {@code ignis.environments} (execution environments alive). Duration histograms' buckets come
 * from {@code management.metrics.distribution.slo} in config/application.yml. Meters are looked up
 * once per function version and kept. docs/metrics.md is the reference.
 */
public final class InvocationMetrics {

    private final MeterRegistry registry;
    private final Map<String, Meters> meters = new ConcurrentHashMap<>();

    public InvocationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private record Meters(
            Counter invocations,
            Counter errors,
            Counter throttles,
            Timer duration,
            Timer initDuration,
            AtomicInteger concurrent) {}

    private Meters of(FunctionSnapshot function) {
        return meters.computeIfAbsent(function.functionName() + ":" + function.version(), key -> {
            Tags tags = Tags.of("function", function.functionName(), "version", function.version());
            AtomicInteger concurrent = new AtomicInteger();
            Gauge.builder("lambda.concurrent.executions", concurrent, AtomicInteger::get)
                    .tags(tags)
                    .register(registry);
            return new Meters(
                    registry.counter("lambda.invocations", tags),
                    registry.counter("lambda.errors", tags),
                    registry.counter("lambda.throttles", tags),
                    Timer.builder("lambda.duration").tags(tags).register(registry),
                    Timer.builder("lambda.init.duration").tags(tags).register(registry),
                    concurrent);
        });
    }

    /** The replica-wide gauges, registered once at start-up. */
    public void replica(Environments environments, ConcurrencyGate gate) {
        Gauge.builder("lambda.unreserved.concurrent.executions", gate, ConcurrencyGate::unreservedInFlight)
                .description("Invocations in flight on this replica that use no reserved concurrency")
                .register(registry);
        Gauge.builder("ignis.environments", environments, Environments::total)
                .description("Execution environments alive on this replica, busy or idle")
                .register(registry);
    }

    /**
     * Registers {@code lambda.provisioned.concurrency.utilization} (ProvisionedConcurrencyUtilization)
     * for a version with provisioned concurrency; registering it again is a no-op.
     */
    public void provisioned(FunctionSnapshot function, Environments environments) {
        Gauge.builder(
                        "lambda.provisioned.concurrency.utilization",
                        environments,
                        e -> e.provisionedUtilization(function.functionName(), function.version()))
                .tags(Tags.of("function", function.functionName(), "version", function.version()))
                .register(registry);
    }

    public void throttled(FunctionSnapshot function) {
        of(function).throttles().increment();
    }

    public void started(FunctionSnapshot function) {
        Meters m = of(function);
        m.invocations().increment();
        m.concurrent().incrementAndGet();
    }

    /** @param run null when no environment could be started */
    public void finished(FunctionSnapshot function, boolean failed, Environments.Run run) {
        Meters m = of(function);
        m.concurrent().decrementAndGet();
        if (failed) {
            m.errors().increment();
        }
        if (run != null && run.coldStart()) {
            m.initDuration().record((long) (run.initDurationMs() * 1000), TimeUnit.MICROSECONDS);
        }
    }

    public void duration(FunctionSnapshot function, long nanos) {
        of(function).duration().record(nanos, TimeUnit.NANOSECONDS);
    }
}
