package dev.ignis.bench.scenario;

import dev.ignis.bench.driver.RawHttpClient;
import dev.ignis.bench.functions.NoOpRuntime;
import dev.ignis.bench.report.Row;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Cold starts per runtime: new functions with the same code, each invoked once, so every invoke
 * starts a new environment. Reports the client's latency and the {@code Init Duration} of the
 * REPORT line, which is the platform's own account of the start.
 */
public record Cold() implements Scenario {

    private static final String NAME = "cold";
    private static final String MODE = "new env each";
    private static final Pattern INIT = Pattern.compile("Init Duration: ([0-9.]+) ms");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(RunContext run) throws Exception {
        for (NoOpRuntime runtime : run.options().runtimes()) {
            Histogram client = new Histogram(3);
            Histogram init = new Histogram(3);
            long errors = 0;
            for (int i = 0; i < run.options().coldStarts(); i++) {
                String function = "bench-cold-" + runtime.label() + "-" + i;
                run.functions().create(function, runtime);
                run.direct().awaitInvocable(function, Duration.ofSeconds(30));
                Optional<Double> initMs = invokeOnce(run.direct(), function, client);
                initMs.ifPresent(ms -> init.recordValue((long) (ms * 1000)));
                errors += initMs.isEmpty() ? 1 : 0;
                run.functions().delete(function);
            }
            run.add(Row.ofSamples(NAME, run.direct().server(), runtime.runtime() + " invoke", MODE, 1, errors, client));
            run.add(Row.ofSamples(
                    NAME, run.direct().server(), runtime.runtime() + " Init Duration", MODE, 1, errors, init));
        }
    }

    /** The Init Duration of one invoke with its log tail, empty when it failed or reported none. */
    private static Optional<Double> invokeOnce(Target target, String function, Histogram latency) throws Exception {
        try (RawHttpClient http = target.client()) {
            long start = System.nanoTime();
            RawHttpClient.Response response =
                    http.post(Target.invokePath(function), "X-Amz-Log-Type: Tail\r\n", Target.EVENT);
            latency.recordValue((System.nanoTime() - start) / 1000);
            Matcher matcher = INIT.matcher(logTail(response.headers()));
            if (response.status() != 200 || response.hasHeader("X-Amz-Function-Error") || !matcher.find()) {
                return Optional.empty();
            }
            return Optional.of(Double.parseDouble(matcher.group(1)));
        }
    }

    private static String logTail(String headers) {
        for (String line : headers.split("\n")) {
            if (line.regionMatches(true, 0, "X-Amz-Log-Result:", 0, 17)) {
                return new String(Base64.getDecoder().decode(line.substring(17).trim()), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
