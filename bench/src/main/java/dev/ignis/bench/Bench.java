package dev.ignis.bench;

import dev.ignis.bench.driver.LoadDriver;
import dev.ignis.bench.driver.RawHttpClient;
import dev.ignis.bench.scenario.BenchFunctions;
import dev.ignis.bench.scenario.Row;
import dev.ignis.bench.scenario.Target;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The benchmark scenarios against a running stack (./ignis up), on loopback only, bounded in time
 * and count: warm invokes per runtime at 1 and 32 clients, cold starts per runtime, and density.
 *
 * <pre>Bench [warm|cold|density|all] [--invocation URL] [--gateway URL] [--registry URL]
 *       [--seconds N] [--runtimes python,node,java] [--smoke]</pre>
 */
public final class Bench {

    private static final byte[] EVENT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final Pattern INIT = Pattern.compile("Init Duration: ([0-9.]+) ms");

    private final Map<String, String> options;
    private final List<Row> rows = new ArrayList<>();
    private final Duration measure;
    private final Duration warmup;
    private final boolean smoke;

    private Bench(Map<String, String> options) {
        this.options = options;
        this.smoke = options.containsKey("smoke");
        this.measure = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", smoke ? "1" : "10")));
        this.warmup = smoke ? Duration.ofMillis(300) : Duration.ofSeconds(3);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        String scenario = "all";
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
                options.put(key, flag ? "true" : args[++i]);
            } else {
                scenario = args[i];
            }
        }
        new Bench(options).run(scenario);
    }

    private URI uri(String key, String fallback) {
        URI uri = URI.create(options.getOrDefault(key, fallback));
        if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) {
            throw new IllegalArgumentException("Benchmarks only ever target this machine's loopback: " + uri);
        }
        return uri;
    }

    private void run(String scenario) throws Exception {
        List<String> runtimes = Arrays.asList(
                options.getOrDefault("runtimes", "python,node,java").split(","));
        Target invocation = new Target("invocation", uri("invocation", "http://127.0.0.1:8082"));
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, load " + load);
        try (BenchFunctions functions = new BenchFunctions(uri("registry", "http://127.0.0.1:8081"))) {
            if (scenario.equals("warm") || scenario.equals("all")) {
                for (String runtime : runtimes) {
                    warm(functions, invocation, runtime);
                }
            }
            if (scenario.equals("cold") || scenario.equals("all")) {
                for (String runtime : runtimes) {
                    cold(functions, invocation, runtime);
                }
            }
            if (scenario.equals("density") || scenario.equals("all")) {
                density(functions, invocation);
            }
        }
        report(scenario, load);
    }

    private void warm(BenchFunctions functions, Target target, String runtime) throws Exception {
        String name = "bench-noop-" + runtime;
        functions.create(name, BenchFunctions.kind(runtime), null, Map.of());
        target.awaitFunction(name, Duration.ofSeconds(30));
        LoadDriver driver = new LoadDriver(target.host(), target.port());
        String path = Target.invokePath(name);
        LoadDriver.Call call = client -> client.post(path, "", EVENT).status() == 200;
        for (int clients : new int[] {1, 32}) {
            Row row =
                    Row.of("warm-" + target.label(), name, clients, driver.closedLoop(clients, warmup, measure, call));
            System.out.println(row.table());
            rows.add(row);
        }
    }

    /** New functions with the same code: every first invoke starts a new environment. */
    private void cold(BenchFunctions functions, Target target, String runtime) throws Exception {
        int count = smoke ? 2 : 20;
        Histogram client = new Histogram(3);
        Histogram init = new Histogram(3);
        long errors = 0;
        for (int i = 0; i < count; i++) {
            String name = "bench-cold-" + runtime + "-" + i;
            functions.create(name, BenchFunctions.kind(runtime), null, Map.of());
            target.awaitFunction(name, Duration.ofSeconds(30));
            try (RawHttpClient http = new RawHttpClient(target.host(), target.port())) {
                long start = System.nanoTime();
                RawHttpClient.Response response = http.post(Target.invokePath(name), "X-Amz-Log-Type: Tail\r\n", EVENT);
                client.recordValue((System.nanoTime() - start) / 1000);
                Matcher matcher = INIT.matcher(tail(response.headers()));
                if (response.status() != 200 || !matcher.find()) {
                    errors++;
                } else {
                    init.recordValue((long) (Double.parseDouble(matcher.group(1)) * 1000));
                }
            }
            functions.delete(name);
        }
        Row total = Row.of("cold-" + target.label(), runtime + " invoke", count, errors, client);
        Row initRow = Row.of("cold-" + target.label(), runtime + " Init Duration", count, errors, init);
        System.out.println(total.table());
        System.out.println(initRow.table());
        rows.add(total);
        rows.add(initRow);
    }

    private static String tail(String headers) {
        for (String line : headers.split("\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("x-amz-log-result:")) {
                return new String(
                        java.util.Base64.getDecoder()
                                .decode(line.substring(line.indexOf(':') + 1).trim()),
                        StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    /** Holds {@code count} warm python environments at once and reports the service's heap. */
    private void density(BenchFunctions functions, Target target) throws Exception {
        int count = Integer.parseInt(options.getOrDefault("environments", smoke ? "4" : "500"));
        String name = "bench-density";
        String code =
                "import time\ndef handler(event, context):\n    time.sleep(event.get('hold', 0))\n    return {}\n";
        functions.create(name, BenchFunctions.kind("python"), code, Map.of());
        target.awaitFunction(name, Duration.ofSeconds(30));
        byte[] hold = "{\"hold\": 5}".getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        long failed;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> {
                            try (RawHttpClient http = new RawHttpClient(target.host(), target.port())) {
                                return http.post(Target.invokePath(name), "", hold)
                                        .status();
                            } catch (IOException e) {
                                return -1;
                            }
                        },
                        pool));
            }
            failed = calls.stream()
                    .map(CompletableFuture::join)
                    .filter(s -> s != 200)
                    .count();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String heap = metric(target, "jvm.memory.used?tag=area:heap");
        System.out.printf(
                "Density: %d concurrent python invokes (%d failed) in %.1f s; invocation-service heap used %s MB%n",
                count, failed, seconds, heap);
        rows.add(new Row("density", count + " python envs, heap MB " + heap, count, count, failed, 0, 0, 0, 0, 0, 0));
        functions.delete(name);
    }

    private static String metric(Target target, String query) {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            String body = http.send(
                            java.net.http.HttpRequest.newBuilder(target.uri().resolve("/actuator/metrics/" + query))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = Pattern.compile("\"value\":([0-9.E]+)").matcher(body);
            return m.find()
                    ? String.format(java.util.Locale.ROOT, "%.0f", Double.parseDouble(m.group(1)) / 1048576)
                    : "?";
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    private void report(String scenario, String loadBefore) throws IOException {
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
        StringBuilder table = new StringBuilder(Row.header()).append('\n');
        rows.forEach(r -> table.append(r.table()).append('\n'));
        System.out.println();
        System.out.println(table);
        System.out.println("Load average before: " + loadBefore + "; after: " + loadAfter);
        Path results = Path.of(options.getOrDefault("results", "bench/results"));
        Files.createDirectories(results);
        StringBuilder json = new StringBuilder("{\"scenario\":\"" + scenario + "\",\"loadBefore\":\"" + loadBefore
                + "\",\"loadAfter\":\"" + loadAfter + "\",\"rows\":[");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            json.append(i == 0 ? "" : ",")
                    .append(String.format(
                            java.util.Locale.ROOT,
                            "{\"scenario\":\"%s\",\"subject\":\"%s\",\"clients\":%d,\"requests\":%d,\"errors\":%d,"
                                    + "\"p50\":%.3f,\"p90\":%.3f,\"p99\":%.3f,\"p999\":%.3f,\"max\":%.3f,\"throughput\":%.1f}",
                            r.scenario(),
                            r.subject(),
                            r.clients(),
                            r.requests(),
                            r.errors(),
                            r.p50(),
                            r.p90(),
                            r.p99(),
                            r.p999(),
                            r.max(),
                            r.throughput()));
        }
        json.append("]}\n");
        Path file = results.resolve(LocalDate.now() + "-" + scenario + ".json");
        Files.writeString(file, json);
        System.out.println("Wrote " + file);
    }
}
