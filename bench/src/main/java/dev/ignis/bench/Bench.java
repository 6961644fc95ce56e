package dev.ignis.bench;

import dev.ignis.bench.floor.EchoServer;
import dev.ignis.bench.functions.NoOpRuntime;
import dev.ignis.bench.options.BenchOptions;
import dev.ignis.bench.options.ScenarioName;
import dev.ignis.bench.peer.ServerlessOffline;
import dev.ignis.bench.report.Comparison;
import dev.ignis.bench.report.MarkdownTables;
import dev.ignis.bench.report.ReportFiles;
import dev.ignis.bench.report.RunReport;
import dev.ignis.bench.report.Server;
import dev.ignis.bench.scenario.RunContext;
import dev.ignis.bench.scenario.Scenario;
import dev.ignis.bench.scenario.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one scenario (or all) against a running stack on loopback, with the floor and, for the warm
 * scenarios, the peer started beside it, and writes the JSON, the SVG and RESULTS.md. See
 * bench/README.md; {@code ./ignis bench} starts the stack around it.
 */
public final class Bench {

    private static final Set<ScenarioName> WITH_PEER =
            Set.of(ScenarioName.WARM, ScenarioName.GATEWAY, ScenarioName.ALL);

    private final BenchOptions options;

    public Bench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        RunReport report = new Bench(options).run();
        System.out.println();
        System.out.println(MarkdownTables.of(report));
        for (Path file : ReportFiles.write(report, options.results(), options.resultsTable())) {
            System.out.println("Wrote " + file);
        }
    }

    public RunReport run() throws IOException, InterruptedException {
        LocalDateTime started = LocalDateTime.now();
        String loadBefore = loadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println("Machine: " + cores + " cores, load " + loadBefore);
        try (EchoServer echo = EchoServer.start();
                PeerHolder peer = startPeer();
                RunContext run =
                        new RunContext(options, Target.unsigned(Server.FLOOR, echo.host(), echo.port()), peer.peer())) {
            peer.failure().ifPresent(reason -> run.skip("serverless-offline", reason));
            for (Scenario scenario : Scenario.of(options.scenario())) {
                try {
                    scenario.run(run);
                } catch (Exception e) {
                    // One broken scenario must not lose the others' figures.
                    e.printStackTrace();
                    run.skip(scenario.name(), "failed: " + e);
                }
            }
            run.close();
            return new RunReport(
                    options.scenario().label(),
                    started,
                    cores,
                    loadBefore,
                    loadAverage(),
                    run.signMicros(),
                    run.rows(),
                    Comparison.of(run.rows(), NoOpRuntime.NODE.runtime()),
                    run.skipped(),
                    run.notes());
        }
    }

    /** The peer and its stop, or why it is not there. */
    private record PeerHolder(Optional<ServerlessOffline> process, Optional<String> failure) implements AutoCloseable {

        Optional<RunContext.Peer> peer() {
            return process.map(
                    p -> new RunContext.Peer(Target.unsigned(Server.PEER, p.host(), p.port()), p.invokePath()));
        }

        @Override
        public void close() {
            process.ifPresent(ServerlessOffline::close);
        }
    }

    private PeerHolder startPeer() throws InterruptedException {
        if (!options.peer() || !WITH_PEER.contains(options.scenario())) {
            return new PeerHolder(Optional.empty(), Optional.empty());
        }
        long start = System.nanoTime();
        try {
            ServerlessOffline peer = ServerlessOffline.start(options.peerDir());
            System.out.printf("serverless-offline ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
            return new PeerHolder(Optional.of(peer), Optional.empty());
        } catch (IOException e) {
            return new PeerHolder(Optional.empty(), Optional.of("could not start: " + e.getMessage()));
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
