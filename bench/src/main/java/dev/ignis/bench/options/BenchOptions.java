package dev.ignis.bench.options;

import dev.ignis.bench.driver.LoadShape;
import dev.ignis.bench.functions.NoOpRuntime;
import dev.ignis.bench.signing.SigningKey;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a run is told, typed, with the defaults in one place. {@code --smoke} shrinks every
 * bound to seconds and a handful of functions.
 *
 * @param measure the measured window of each load run; {@code warmup} runs before it and is discarded
 * @param clients the concurrent clients of the loaded runs (the other closed-loop run has one)
 * @param rate the open-loop arrival rate, requests per second, the same for every server compared
 * @param coldStarts new environments started per runtime by {@code cold}
 * @param manyFunctions distinct functions invoked round-robin by {@code many}
 * @param environments concurrent holding invokes of {@code density}
 * @param registry how many functions {@code registry} creates and how often it lists them
 * @param kafka how many records {@code kafka} pushes through a mapping, and how many idle samples it takes
 * @param messages how many messages / records {@code sqs} and {@code kinesis} drain at each batch size
 * @param peer whether to start serverless-offline for the side-by-side
 */
public record BenchOptions(
        ScenarioName scenario,
        Duration measure,
        Duration warmup,
        List<NoOpRuntime> runtimes,
        int clients,
        int rate,
        int coldStarts,
        int manyFunctions,
        int environments,
        RegistryCounts registry,
        KafkaCounts kafka,
        int messages,
        boolean peer,
        boolean smoke,
        Path results,
        Path resultsTable,
        Path peerDir,
        Endpoints endpoints,
        SigningKey key) {

    public static final String USAGE =
            """
            Usage: Bench [warm|gateway|cold|url|many|density|registry|async|kafka|sqs|kinesis|floor|all] [--seconds N] [--warmup N]
                   [--runtimes python,node,java,provided] [--clients 32] [--rate 500] [--cold 20]
                   [--functions 100] [--environments 500] [--creates 20] [--listed 1000]
                   [--listings 10] [--records 100000] [--idle-samples 50] [--messages 20000] [--no-peer] [--smoke]
                   [--results bench/results] [--table bench/RESULTS.md] [--peer-dir bench/peer]
                   [--config config/application.yml] [--invocation URL] [--gateway URL] [--registry URL]
                   [--kafka 127.0.0.1:9092] [--event-source URL] [--sqs http://127.0.0.1:9324]
                   [--kinesis http://127.0.0.1:4567]
                   [--access-key test] [--secret-key test] [--region us-east-1]
            """;

    private static final Set<String> FLAGS = Set.of("smoke", "no-peer");

    /** The load levels every compared server gets: one client, many clients, and a fixed rate. */
    public List<LoadShape> shapes() {
        return List.of(new LoadShape.Closed(1), new LoadShape.Closed(clients), new LoadShape.Open(clients, rate));
    }

    public static BenchOptions parse(String... args) throws IOException {
        Map<String, String> given = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                positional.add(args[i]);
            } else if (FLAGS.contains(args[i].substring(2))) {
                given.put(args[i].substring(2), "true");
            } else if (i + 1 < args.length) {
                given.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("No value for " + args[i] + "\n" + USAGE);
            }
        }
        if (positional.size() > 1) {
            throw new IllegalArgumentException("One scenario at a time\n" + USAGE);
        }
        Map<String, URI> services =
                given.containsKey("invocation") && given.containsKey("gateway") && given.containsKey("registry")
                        ? Map.of()
                        : ServiceUrls.read(Path.of(given.getOrDefault("config", "config/application.yml")));
        return from(positional.isEmpty() ? "warm" : positional.getFirst(), given, services);
    }

    static BenchOptions from(String scenario, Map<String, String> given, Map<String, URI> services) {
        Options o = new Options(given);
        boolean smoke = o.flag("smoke");
        BenchOptions options = new BenchOptions(
                ScenarioName.of(scenario),
                Duration.ofMillis((long) (o.decimal("seconds", smoke ? 1 : 10) * 1000)),
                Duration.ofMillis((long) (o.decimal("warmup", smoke ? 0.3 : 3) * 1000)),
                Arrays.stream(o.text("runtimes", "python,node,java,provided").split(","))
                        .map(String::strip)
                        .map(NoOpRuntime::of)
                        .toList(),
                o.integer("clients", 32),
                o.integer("rate", smoke ? 100 : 500),
                o.integer("cold", smoke ? 2 : 20),
                o.integer("functions", smoke ? 5 : 100),
                o.integer("environments", smoke ? 4 : 500),
                new RegistryCounts(
                        o.integer("creates", smoke ? 2 : 20),
                        o.integer("listed", smoke ? 20 : 1000),
                        o.integer("listings", smoke ? 2 : 10)),
                new KafkaCounts(
                        o.integer("records", smoke ? 1_000 : 100_000), o.integer("idle-samples", smoke ? 5 : 50)),
                o.integer("messages", smoke ? 200 : 20_000),
                !o.flag("no-peer"),
                smoke,
                Path.of(o.text("results", "bench/results")),
                Path.of(o.text("table", "bench/RESULTS.md")),
                Path.of(o.text("peer-dir", "bench/peer")),
                new Endpoints(
                        o.uri("invocation", services.get("invocation")),
                        o.uri("gateway", services.get("gateway")),
                        o.uri("registry", services.get("function-registry")),
                        o.uri("async-queue", services.get("async-queue")),
                        o.text("kafka", "127.0.0.1:9092"),
                        o.uri(
                                "event-source",
                                services.getOrDefault("event-source", URI.create("http://127.0.0.1:8084"))),
                        o.uri("sqs", URI.create("http://127.0.0.1:9324")),
                        o.uri("kinesis", URI.create("http://127.0.0.1:4567"))),
                new SigningKey(
                        o.text("access-key", "test"), o.text("secret-key", "test"), o.text("region", "us-east-1")));
        o.rejectUnknown();
        return options;
    }

    /** The given options, read once each, so a misspelt one is refused rather than ignored. */
    private static final class Options {
        private final Map<String, String> given;
        private final Set<String> read = new java.util.HashSet<>();

        Options(Map<String, String> given) {
            this.given = given;
        }

        String text(String name, String fallback) {
            read.add(name);
            return given.getOrDefault(name, fallback);
        }

        boolean flag(String name) {
            return Boolean.parseBoolean(text(name, "false"));
        }

        int integer(String name, int fallback) {
            int value = Integer.parseInt(text(name, Integer.toString(fallback)));
            if (value < 1) {
                throw new IllegalArgumentException("--" + name + " must be at least 1");
            }
            return value;
        }

        double decimal(String name, double fallback) {
            return Double.parseDouble(text(name, Double.toString(fallback)));
        }

        URI uri(String name, URI fallback) {
            String value = text(name, fallback == null ? null : fallback.toString());
            if (value == null) {
                throw new IllegalArgumentException("No URL for " + name + " in the configuration; pass --" + name);
            }
            return URI.create(value);
        }

        void rejectUnknown() {
            read.add("config");
            List<String> unknown =
                    given.keySet().stream().filter(k -> !read.contains(k)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("Unknown option(s) " + unknown + "\n" + USAGE);
            }
        }
    }
}
