package dev.ignis.bench.scenario;

import dev.ignis.bench.driver.Call;
import dev.ignis.bench.driver.LoadResult;
import dev.ignis.bench.driver.LoadShape;
import dev.ignis.bench.functions.BenchFunctions;
import dev.ignis.bench.options.BenchOptions;
import dev.ignis.bench.report.Row;
import dev.ignis.bench.report.RunReport;
import dev.ignis.bench.report.Server;
import dev.ignis.bench.signing.RequestSigner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What scenarios share during one run: the options, the targets, the function factory, and what
 * the run has produced so far (rows, skipped scenarios, notes). Rows are printed as they come, so
 * a long run shows progress.
 */
public final class RunContext implements AutoCloseable {

    private final BenchOptions options;
    private final Target floor;
    private final Optional<Peer> peer;
    private final List<Row> rows = new ArrayList<>();
    private final List<RunReport.Skip> skipped = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private BenchFunctions functions;
    private OptionalDouble signMicros = OptionalDouble.empty();

    /** The peer when it runs: where it answers and the invoke path of its no-op. */
    public record Peer(Target target, String invokePath) {}

    public RunContext(BenchOptions options, Target floor, Optional<Peer> peer) {
        this.options = options;
        this.floor = floor;
        this.peer = peer;
    }

    public BenchOptions options() {
        return options;
    }

    public Target direct() {
        return Target.unsigned(
                Server.IGNIS_DIRECT,
                options.endpoints().invocation().getHost(),
                options.endpoints().invocation().getPort());
    }

    public Target gateway() {
        var uri = options.endpoints().gateway();
        return new Target(
                Server.IGNIS_GATEWAY, uri.getHost(), uri.getPort(), Optional.of(new RequestSigner(options.key(), uri)));
    }

    /**
     * function-registry-service itself, signed as the gateway would want it (the registry ignores
     * the signature), so that its rows and the gateway's differ only by the gateway's hop.
     */
    public Target registry() {
        var uri = options.endpoints().registry();
        return new Target(
                Server.IGNIS_REGISTRY,
                uri.getHost(),
                uri.getPort(),
                Optional.of(new RequestSigner(options.key(), uri)));
    }

    /** async-queue-service itself, where the gateway sends Event invokes. */
    public Target asyncQueue() {
        var uri = options.endpoints().asyncQueue();
        return Target.unsigned(Server.IGNIS_ASYNC, uri.getHost(), uri.getPort());
    }

    /** The gateway without a signature: function URLs with AuthType NONE are not signed by callers. */
    public Target gatewayUnsigned() {
        var uri = options.endpoints().gateway();
        return Target.unsigned(Server.IGNIS_GATEWAY, uri.getHost(), uri.getPort());
    }

    public Target floor() {
        return floor;
    }

    public Optional<Peer> peer() {
        return peer;
    }

    /** Created on first use: the floor scenario needs no stack. */
    public BenchFunctions functions() {
        if (functions == null) {
            functions = new BenchFunctions(options.endpoints().registry(), options.key());
        }
        return functions;
    }

    /** Runs every load level of the options against {@code target}. */
    public void measureAll(String scenario, Target target, String subject, Call call) throws InterruptedException {
        for (LoadShape shape : options.shapes()) {
            measure(scenario, target, subject, shape, call);
        }
    }

    public Row measure(String scenario, Target target, String subject, LoadShape shape, Call call)
            throws InterruptedException {
        LoadResult result = target.driver().run(shape, options.warmup(), options.measure(), call);
        return add(Row.of(scenario, target.server(), subject, result));
    }

    public Row add(Row row) {
        rows.add(row);
        System.out.println(row.line());
        return row;
    }

    public void skip(String scenario, String reason) {
        System.out.println("skipped " + scenario + ": " + reason);
        skipped.add(new RunReport.Skip(scenario, reason));
    }

    public void note(String note) {
        System.out.println(note);
        notes.add(note);
    }

    public void signMicros(double micros) {
        signMicros = OptionalDouble.of(micros);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public List<RunReport.Skip> skipped() {
        return List.copyOf(skipped);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public OptionalDouble signMicros() {
        return signMicros;
    }

    /** Deletes the functions the run created. */
    @Override
    public void close() {
        if (functions != null) {
            functions.close();
        }
    }
}
