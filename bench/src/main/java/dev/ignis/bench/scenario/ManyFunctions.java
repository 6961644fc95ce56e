package dev.ignis.bench.scenario;

import dev.ignis.bench.driver.Call;
import dev.ignis.bench.driver.LoadShape;
import dev.ignis.bench.driver.RawHttpClient;
import dev.ignis.bench.functions.NoOpRuntime;
import dev.ignis.bench.report.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many distinct python functions, each request to the next one round-robin, against one function
 * at the same load: the platform's throughput must not collapse when it holds many functions'
 * environments at once (OpenWhisk falls from thousands to 30–40 per second here).
 */
public record ManyFunctions() implements Scenario {

    private static final String NAME = "many";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(RunContext run) throws Exception {
        int count = run.options().manyFunctions();
        List<String> paths = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String function = "bench-many-" + i;
            run.functions().create(function, NoOpRuntime.PYTHON);
            paths.add(Target.invokePath(function));
        }
        for (int i = 0; i < count; i++) {
            run.direct().awaitInvocable("bench-many-" + i, Duration.ofSeconds(30));
        }
        Target direct = run.direct();
        LoadShape shape = new LoadShape.Closed(run.options().clients());
        int clients = run.options().clients();
        List<String> one = List.of(paths.getFirst());
        prewarm(direct, one, clients);
        Row single = run.measure(NAME, direct, "python3.12 ×1 function", shape, roundRobin(direct, one));
        prewarm(direct, paths, clients);
        Row many = run.measure(NAME, direct, "python3.12 ×" + count + " functions", shape, roundRobin(direct, paths));
        run.note(String.format(
                Locale.ROOT,
                "many: %d functions served %s × the throughput of one function (%,.0f vs %,.0f req/s).",
                count,
                single.throughput() == 0
                        ? "n/a"
                        : String.format(Locale.ROOT, "%.2f", many.throughput() / single.throughput()),
                many.throughput(),
                single.throughput()));
        for (int i = 0; i < count; i++) {
            run.functions().delete("bench-many-" + i);
        }
    }

    private static Call roundRobin(Target target, List<String> paths) {
        AtomicLong next = new AtomicLong();
        List<Call> calls =
                paths.stream().map(p -> target.invoke(p, Target.EVENT)).toList();
        return client ->
                calls.get((int) (next.getAndIncrement() % calls.size())).run(client);
    }

    /**
     * Invokes round-robin, {@code clients} at once, until every function was invoked and as many
     * invokes ran as there will be clients: the window then finds the environments its load needs
     * already started, instead of measuring a burst of cold starts.
     */
    private static void prewarm(Target target, List<String> paths, int clients) throws Exception {
        try (var pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < Math.max(paths.size(), clients); i++) {
                String path = paths.get(i % paths.size());
                calls.add(pool.submit(() -> {
                    try (RawHttpClient client = target.client()) {
                        return client.post(path, "", Target.EVENT).status();
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
    }
}
