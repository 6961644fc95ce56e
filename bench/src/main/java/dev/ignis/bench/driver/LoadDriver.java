package dev.ignis.bench.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop load: {@code clients} threads, each with its own keep-alive connection, send the
 * next request as soon as the last one answered. A warm-up period is run and discarded.
 */
public final class LoadDriver {

    /** One request; returns true when the answer was the expected one. */
    @FunctionalInterface
    public interface Call {
        boolean run(RawHttpClient client) throws Exception;
    }

    /** What a run measured. */
    public record Result(Histogram latency, long requests, long errors, double seconds) {

        public double throughput() {
            return requests / seconds;
        }

        public double percentileMs(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final String host;
    private final int port;

    public LoadDriver(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public Result closedLoop(int clients, Duration warmup, Duration measure, Call call) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        long end = warmupEnd + measure.toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().name("load-" + i).start(() -> {
                try (RawHttpClient client = new RawHttpClient(host, port)) {
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        boolean ok;
                        try {
                            ok = call.run(client);
                        } catch (Exception e) {
                            ok = false;
                        }
                        long stop = System.nanoTime();
                        if (start >= warmupEnd) {
                            recorder.recordValue(Math.max(1, (stop - start) / 1000));
                            requests.incrementAndGet();
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            }));
        }
        done.await();
        return new Result(recorder.getIntervalHistogram(), requests.get(), errors.get(), measure.toNanos() / 1e9);
    }
}
