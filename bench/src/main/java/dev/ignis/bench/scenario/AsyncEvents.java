package dev.ignis.bench.scenario;

import dev.ignis.bench.driver.LoadShape;
import dev.ignis.bench.driver.RawHttpClient;
import dev.ignis.bench.functions.NoOpRuntime;
import dev.ignis.bench.report.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Asynchronous invocations: the ingest's 202 latency and throughput through the gateway and at
 * async-queue-service directly (1 and 64 clients); the end-to-end drain of a fixed number of
 * no-op events (first send → last success, as async-queue-service counts them); and, on an idle
 * queue, one event at a time, the time from acceptance to the start of its try
 * ({@code AsyncEventAge}) and from the send to the observed success.
 */
public record AsyncEvents() implements Scenario {

    private static final String NAME = "async";
    private static final int INGEST_CLIENTS = 64;
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(RunContext run) throws Exception {
        boolean smoke = run.options().smoke();
        String ingest = create(run, "bench-async-ingest");
        String drain = create(run, "bench-async-drain");
        String idle = create(run, "bench-async-idle");
        Target gateway = run.gateway();
        Target direct = run.asyncQueue();
        for (Target target : List.of(gateway, direct)) {
            for (LoadShape shape : List.of(new LoadShape.Closed(1), new LoadShape.Closed(INGEST_CLIENTS))) {
                String path = Target.invokePath(ingest);
                run.measure(NAME, target, "Event ingest (202)", shape, target.invokeEvent(path, Target.EVENT));
            }
        }
        Metrics metrics = new Metrics(direct);
        awaitDrained(metrics, PREFIX + ingest);
        drain(run, gateway, metrics, drain, smoke ? 200 : 10_000);
        idle(run, gateway, metrics, idle, smoke ? 10 : 200);
        run.note("async: the peer (serverless-offline) is not measured for Event invokes; ingest rows run while"
                + " the workers drain what was ingested, on the same cores.");
        for (String function : List.of(ingest, drain, idle)) {
            run.functions().delete(function);
        }
    }

    private static final String PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:";

    private static String create(RunContext run, String name) throws Exception {
        run.functions().create(name, NoOpRuntime.PYTHON);
        run.direct().awaitInvocable(name, Duration.ofSeconds(30));
        // The async-queue view sees the function a moment later than invocation-service may.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (RawHttpClient client = run.asyncQueue().client()) {
            while (client.post(Target.invokePath(name), "X-Amz-Invocation-Type: Event\r\n", Target.EVENT)
                            .status()
                    != 202) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " never reached async-queue-service's view");
                }
                Thread.sleep(50);
            }
        }
        return name;
    }

    /** {@code events} sent by 64 clients, then waited for until every one succeeded. */
    private static void drain(RunContext run, Target gateway, Metrics metrics, String function, int events)
            throws Exception {
        String arn = PREFIX + function;
        long before = metrics.successes(arn);
        AtomicInteger left = new AtomicInteger(events);
        AtomicLong refused = new AtomicLong();
        String path = Target.invokePath(function);
        long start = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < INGEST_CLIENTS; i++) {
            clients.add(Thread.ofPlatform().start(() -> {
                try (RawHttpClient client = gateway.client()) {
                    while (left.getAndDecrement() > 0) {
                        String headers = "X-Amz-Invocation-Type: Event\r\n" + gateway.auth("POST", path, Target.EVENT);
                        if (client.post(path, headers, Target.EVENT).status() != 202) {
                            refused.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    refused.incrementAndGet();
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        long accepted = events - refused.get();
        long done = awaitSuccesses(metrics, arn, before + accepted);
        double seconds = (System.nanoTime() - start) / 1e9;
        run.add(new Row(
                NAME,
                gateway.server(),
                "drain " + events + " no-op events",
                "end to end",
                INGEST_CLIENTS,
                events,
                refused.get() + Math.max(0, before + accepted - done),
                0,
                0,
                0,
                0,
                seconds * 1000,
                (done - before) / seconds));
    }

    /** One event at a time on an idle queue. */
    private static void idle(RunContext run, Target gateway, Metrics metrics, String function, int events)
            throws Exception {
        String arn = PREFIX + function;
        Histogram endToEnd = new Histogram(3);
        long errors = 0;
        String path = Target.invokePath(function);
        try (RawHttpClient client = gateway.client()) {
            for (int i = 0; i < events; i++) {
                long before = metrics.successes(arn);
                long start = System.nanoTime();
                String headers = "X-Amz-Invocation-Type: Event\r\n" + gateway.auth("POST", path, Target.EVENT);
                if (client.post(path, headers, Target.EVENT).status() != 202
                        || awaitSuccesses(metrics, arn, before + 1) < before + 1) {
                    errors++;
                    continue;
                }
                endToEnd.recordValue((System.nanoTime() - start) / 1000);
                Thread.sleep(20);
            }
        }
        run.add(Row.ofSamples(NAME, gateway.server(), "idle: send → success seen", "1 at a time", 1, errors, endToEnd));
        double p50 = metrics.eventAgeMs(arn, "0.5");
        double p99 = metrics.eventAgeMs(arn, "0.99");
        run.add(new Row(
                NAME,
                run.asyncQueue().server(),
                "idle: AsyncEventAge",
                "1 at a time",
                1,
                events,
                errors,
                p50,
                0,
                p99,
                0,
                0,
                0));
    }

    private static void awaitDrained(Metrics metrics, String arn) throws Exception {
        awaitSuccesses(metrics, arn, metrics.received(arn));
    }

    /** Polls until {@code target} successes were counted or the limit passed; returns the last count. */
    private static long awaitSuccesses(Metrics metrics, String arn, long target) throws Exception {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        long seen;
        while ((seen = metrics.successes(arn)) < target && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        return seen;
    }

    /** async-queue-service's own counts, from its {@code /actuator/prometheus}. */
    private static final class Metrics {
        private final Target asyncQueue;

        Metrics(Target asyncQueue) {
            this.asyncQueue = asyncQueue;
        }

        long successes(String arn) throws IOException {
            return (long) value("lambda_async_outcomes_total", arn, "outcome=\"success\"");
        }

        long received(String arn) throws IOException {
            return (long) value("lambda_async_events_received_total", arn, "");
        }

        double eventAgeMs(String arn, String quantile) throws IOException {
            return value("lambda_async_event_age_seconds", arn, "quantile=\"" + quantile + "\"") * 1000;
        }

        private double value(String metric, String arn, String label) throws IOException {
            String text;
            try (RawHttpClient client = asyncQueue.client()) {
                text = new String(client.get("/actuator/prometheus", "").body(), StandardCharsets.UTF_8);
            }
            Pattern line =
                    Pattern.compile("^" + Pattern.quote(metric) + "\\{([^}]*)\\} ([0-9.eE+-]+)$", Pattern.MULTILINE);
            Matcher m = line.matcher(text);
            double sum = 0;
            while (m.find()) {
                if (m.group(1).contains("function=\"" + arn + "\"")
                        && m.group(1).contains(label)) {
                    sum += Double.parseDouble(m.group(2));
                }
            }
            return sum;
        }
    }
}
