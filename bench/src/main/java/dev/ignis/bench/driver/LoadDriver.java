package dev.ignis.bench.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Offers load to one host and port in a {@link LoadShape}: one platform thread per keep-alive
 * connection (platform, not virtual: a load thread must not wait for a carrier, or the wait would
 * show as server latency). A warm-up period at the same load is run first and discarded.
 */
public final class LoadDriver {

    /** Open loop: how long after the window a request that was due may still be sent. */
    private static final Duration LATE_GRACE = Duration.ofSeconds(2);

    private final String host;
    private final int port;

    public LoadDriver(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public LoadResult run(LoadShape shape, Duration warmup, Duration measure, Call call) throws InterruptedException {
        return switch (shape) {
            case LoadShape.Closed closed -> closedLoop(closed, warmup, measure, call);
            case LoadShape.Open open -> openLoop(open, warmup, measure, call);
        };
    }

    private LoadResult closedLoop(LoadShape.Closed shape, Duration warmup, Duration measure, Call call)
            throws InterruptedException {
        Tally tally = new Tally();
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        long end = warmupEnd + measure.toNanos();
        runThreads(shape.connections(), client -> {
            for (long start = System.nanoTime(); start < end; start = System.nanoTime()) {
                boolean ok = attempt(call, client);
                if (start >= warmupEnd) {
                    tally.record(System.nanoTime() - start, ok);
                }
            }
        });
        return tally.result(shape, measure, 0);
    }

    /**
     * Request {@code i} is due at {@code start + i / rate}. A free connection takes the next due
     * request, waits for its time if it is early, and charges the latency from the due time, so a
     * server that stalls is charged for every request queued behind the stall. Due requests that
     * could not be sent before the window plus a short grace are recorded at that age and counted
     * as errors, which keeps the run bounded when the server cannot keep up.
     */
    private LoadResult openLoop(LoadShape.Open shape, Duration warmup, Duration measure, Call call)
            throws InterruptedException {
        Tally tally = new Tally();
        AtomicLong unsent = new AtomicLong();
        AtomicLong tickets = new AtomicLong();
        double period = 1e9 / shape.ratePerSecond();
        long start = System.nanoTime() + Duration.ofMillis(20).toNanos();
        long warmupEnd = start + warmup.toNanos();
        long end = warmupEnd + measure.toNanos();
        long hardStop = end + LATE_GRACE.toNanos();
        runThreads(shape.connections(), client -> {
            for (long due = start + (long) (tickets.getAndIncrement() * period);
                    due < end;
                    due = start + (long) (tickets.getAndIncrement() * period)) {
                if (System.nanoTime() >= hardStop) {
                    if (due >= warmupEnd) {
                        tally.record(hardStop - due, false);
                        unsent.incrementAndGet();
                    }
                    continue;
                }
                for (long early = due - System.nanoTime(); early > 0; early = due - System.nanoTime()) {
                    LockSupport.parkNanos(early);
                }
                boolean ok = attempt(call, client);
                if (due >= warmupEnd) {
                    tally.record(System.nanoTime() - due, ok);
                }
            }
        });
        return tally.result(shape, measure, unsent.get());
    }

    private static boolean attempt(Call call, RawHttpClient client) {
        try {
            return call.run(client);
        } catch (Exception e) {
            return false;
        }
    }

    /** The body of one load thread. */
    @FunctionalInterface
    private interface Loop {
        void run(RawHttpClient client);
    }

    private void runThreads(int count, Loop loop) throws InterruptedException {
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            threads.add(Thread.ofPlatform().name("load-" + i).daemon().start(() -> {
                try (RawHttpClient client = new RawHttpClient(host, port)) {
                    loop.run(client);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Latencies and counts of the measured window, shared by the load threads. */
    private static final class Tally {
        private final Recorder recorder = new Recorder(3);
        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();

        void record(long nanos, boolean ok) {
            recorder.recordValue(Math.max(1, nanos / 1000));
            requests.incrementAndGet();
            if (!ok) {
                errors.incrementAndGet();
            }
        }

        LoadResult result(LoadShape shape, Duration measure, long unsent) {
            return new LoadResult(
                    shape,
                    recorder.getIntervalHistogram(),
                    requests.get() - unsent,
                    errors.get(),
                    measure.toNanos() / 1e9);
        }
    }
}
