package dev.ignis.invocation.environment;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.invocation.environment.InvocationResult.FunctionError;
import dev.ignis.invocation.runtimeapi.RuntimeApi.NextEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Every execution environment of this service, pooled per function version. {@link #run} is the
 * data plane: take a warm environment (or cold-start one), run the event, give it back.
 */
public final class Environments implements AutoCloseable {

    /** How one run went: the result and what the response headers and metrics need. */
    public record Run(InvocationResult result, boolean coldStart, String logTail, double initDurationMs) {}

    private final EnvironmentFactory factory;
    private final Duration initTimeout;
    private final Semaphore starts;
    /**
     * Pools are never removed, even empty: an invoke holding a pool that was just dropped from the
     * map would add its new environment where no reaper or retirement would ever find it. An empty
     * pool costs a few dozen bytes per function version.
     */
    private final Map<String, EnvironmentPool> pools = new ConcurrentHashMap<>();

    public Environments(EnvironmentFactory factory, Duration initTimeout, int maxConcurrentStarts) {
        this.factory = factory;
        this.initTimeout = initTimeout;
        this.starts = new Semaphore(maxConcurrentStarts, true);
    }

    static String poolKey(FunctionSnapshot function) {
        return function.functionName() + ":" + function.version();
    }

    private EnvironmentPool pool(FunctionSnapshot function) {
        return pools.computeIfAbsent(poolKey(function), k -> new EnvironmentPool());
    }

    /** Runs {@code event} on {@code function}; the caller has admitted it under the concurrency limits. */
    public Run run(FunctionSnapshot function, NextEvent event, boolean tail) {
        EnvironmentPool pool = pool(function);
        List<ExecutionEnvironment> stale = new ArrayList<>();
        ExecutionEnvironment environment = pool.takeIdle(function.revisionId(), stale);
        stale.forEach(e -> {
            pool.forget(e);
            e.kill("configuration changed");
        });
        boolean cold = environment == null;
        InvocationLog log = new InvocationLog(tail);
        if (cold) {
            FunctionError initFailure;
            awaitStartTurn();
            try {
                environment = factory.start(function, false);
                pool.add(environment);
                initFailure = environment.awaitInit(initTimeout);
            } finally {
                starts.release();
            }
            if (initFailure != null) {
                environment.kill("init failed");
                pool.forget(environment);
                return new Run(initFailure, true, null, environment.initDurationMs());
            }
        }
        InvocationResult result;
        try {
            result = environment.invoke(event, log, Duration.ofSeconds(function.timeoutSeconds()));
        } finally {
            pool.release(environment);
        }
        if (result == null) {
            // The idle environment was exiting as the event arrived (a runtime that quits after an
            // error): nothing ran, so the event goes to a fresh environment.
            return cold ? exited(event, environment) : run(function, event, tail);
        }
        return new Run(result, cold, log.tailBase64(), cold ? environment.initDurationMs() : 0);
    }

    /**
     * Many cold starts at once (a burst of new functions or of concurrency) would all share the CPU
     * and all miss the init timeout together; a bounded number initialise at a time, in turn.
     */
    private void awaitStartTurn() {
        starts.acquireUninterruptibly();
    }

    private static Run exited(NextEvent event, ExecutionEnvironment environment) {
        return new Run(
                FunctionError.of(
                        LambdaErrorType.RUNTIME_EXIT_ERROR,
                        "RequestId: " + event.requestId() + " Error: Runtime exited without providing a reason"),
                true,
                null,
                environment.initDurationMs());
    }

    /**
     * Keeps {@code count} provisioned environments of {@code function} initialised: starts the
     * missing ones and retires those of other configurations.
     *
     * @return how many provisioned environments of this configuration are initialised now (fewer
     *     than {@code count} when one failed to initialise; the next call tries again)
     */
    public int provision(FunctionSnapshot function, int count) {
        EnvironmentPool pool = pool(function);
        pool.evict(e -> e.provisioned() && !e.function().revisionId().equals(function.revisionId()))
                .forEach(e -> e.kill("configuration changed"));
        long current = pool.snapshot().stream()
                .filter(e -> e.provisioned() && e.alive())
                .filter(e -> e.function().revisionId().equals(function.revisionId()))
                .count();
        for (long i = current; i < count; i++) {
            ExecutionEnvironment environment;
            FunctionError initFailure;
            awaitStartTurn();
            try {
                environment = factory.start(function, true);
                pool.add(environment);
                initFailure = environment.awaitInit(initTimeout);
            } finally {
                starts.release();
            }
            if (initFailure != null) {
                environment.kill("provisioned init failed");
                pool.forget(environment);
                return (int) i;
            }
            pool.release(environment);
        }
        if (current > count) {
            AtomicLong surplus = new AtomicLong(current - count);
            pool.evict(e -> e.provisioned() && surplus.getAndDecrement() > 0)
                    .forEach(e -> e.kill("provisioned concurrency lowered"));
        }
        return count;
    }

    /** Shuts down idle on-demand environments idle for longer than {@code idleTimeout}. */
    public int reap(Duration idleTimeout) {
        long cutoff = System.nanoTime() - idleTimeout.toNanos();
        int reaped = 0;
        for (EnvironmentPool pool : pools.values()) {
            List<ExecutionEnvironment> gone =
                    pool.evict(e -> !e.provisioned() && e.idleSince() != 0 && e.idleSince() < cutoff);
            gone.forEach(e -> e.kill("idle"));
            reaped += gone.size();
        }
        return reaped;
    }

    /**
     * Shuts down idle environments whose configuration is gone or replaced (a deleted function, a
     * new code or configuration revision); busy ones finish their invoke first and go on release.
     */
    public int retire(Predicate<FunctionSnapshot> current) {
        int retired = 0;
        for (EnvironmentPool pool : pools.values()) {
            List<ExecutionEnvironment> gone = pool.evict(e -> !current.test(e.function()));
            gone.forEach(e -> e.kill("configuration replaced or deleted"));
            retired += gone.size();
        }
        return retired;
    }

    /** Busy provisioned environments over all provisioned ones of a version (0 when it has none). */
    public double provisionedUtilization(String functionName, String version) {
        EnvironmentPool pool = pools.get(functionName + ":" + version);
        if (pool == null) {
            return 0;
        }
        List<ExecutionEnvironment> provisioned = pool.snapshot().stream()
                .filter(ExecutionEnvironment::provisioned)
                .toList();
        long busy = provisioned.stream()
                .filter(e -> e.state() instanceof EnvironmentState.Invoking)
                .count();
        return provisioned.isEmpty() ? 0 : (double) busy / provisioned.size();
    }

    /** Environments alive now, by pool key. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        pools.forEach((key, pool) -> {
            if (!pool.isEmpty()) {
                counts.put(key, pool.size());
            }
        });
        return counts;
    }

    public int total() {
        return pools.values().stream().mapToInt(EnvironmentPool::size).sum();
    }

    @Override
    public void close() {
        pools.values().forEach(pool -> pool.snapshot().forEach(e -> e.kill("service stopping")));
        pools.clear();
    }
}
