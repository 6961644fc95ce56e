package dev.ignis.bench.scenario;

import dev.ignis.bench.driver.RawHttpClient;
import dev.ignis.bench.functions.NoOpRuntime;
import dev.ignis.bench.functions.Packages;
import dev.ignis.bench.report.Row;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Density: N concurrent invokes of a python function that holds for 5 s, so N warm environments
 * exist at once; reports the invokes' latency, failures and invocation-service's heap after.
 */
public record Density() implements Scenario {

    private static final String NAME = "density";
    private static final String FUNCTION = "bench-density";
    private static final byte[] HOLD = "{\"hold\": 5}".getBytes(StandardCharsets.UTF_8);
    private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.E]+)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(RunContext run) throws Exception {
        int count = run.options().environments();
        byte[] zip =
                Packages.zip(Map.of("density.py", Packages.File.regular(Packages.resource("/functions/density.py"))));
        run.functions().create(FUNCTION, NoOpRuntime.PYTHON, "density.handler", zip);
        Target direct = run.direct();
        direct.awaitInvocable(FUNCTION, Duration.ofSeconds(30));
        Histogram latency = new Histogram(3);
        Map<String, Integer> failures = new TreeMap<>();
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Outcome>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                calls.add(pool.submit(() -> holdOnce(direct)));
            }
            for (Future<Outcome> call : calls) {
                Outcome outcome = call.get();
                if (outcome.failure() == null) {
                    latency.recordValue(outcome.micros());
                } else {
                    failures.merge(outcome.failure(), 1, Integer::sum);
                }
            }
        }
        long failed = failures.values().stream().mapToInt(Integer::intValue).sum();
        double seconds = (System.nanoTime() - start) / 1e9;
        run.add(Row.ofSamples(NAME, direct.server(), "python3.12 holding 5 s", "all at once", count, failed, latency));
        run.note(String.format(
                Locale.ROOT,
                "density: %d concurrent python invokes (%d failed) in %.1f s; invocation-service heap used %s MB.",
                count,
                failed,
                seconds,
                heapMb(run.options().endpoints().invocation())));
        failures.forEach((why, times) -> run.note("density: " + times + " × " + why));
        run.functions().delete(FUNCTION);
    }

    /** An invoke's latency, or why it failed (status and the start of the answer), for the notes. */
    private record Outcome(long micros, String failure) {}

    private static Outcome holdOnce(Target target) {
        try (RawHttpClient http = target.client()) {
            long start = System.nanoTime();
            RawHttpClient.Response response = http.post(Target.invokePath(FUNCTION), "", HOLD);
            long micros = (System.nanoTime() - start) / 1000;
            if (response.status() == 200 && !response.hasHeader("X-Amz-Function-Error")) {
                return new Outcome(micros, null);
            }
            String body = response.bodyText();
            return new Outcome(
                    micros, "HTTP " + response.status() + " " + body.substring(0, Math.min(160, body.length())));
        } catch (IOException e) {
            return new Outcome(0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String heapMb(URI invocation) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http.send(
                            HttpRequest.newBuilder(
                                            invocation.resolve("/actuator/metrics/jvm.memory.used?tag=area:heap"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher value = VALUE.matcher(body);
            return value.find()
                    ? String.format(Locale.ROOT, "%.0f", Double.parseDouble(value.group(1)) / 1048576)
                    : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
