package dev.ignis.bench.scenario;

import dev.ignis.bench.driver.Samples;
import dev.ignis.bench.functions.BenchFunctions;
import dev.ignis.bench.functions.NoOpRuntime;
import dev.ignis.bench.report.Row;
import dev.ignis.bench.report.Server;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;

/**
 * ListFunctions over {@code --listed} functions: they are created on a few threads (not measured),
 * then every function is listed with the SDK's paginator at its default page size (50), the whole
 * listing and each page timed, at function-registry-service and through the gateway. Everything
 * created is deleted at the end, also when something failed.
 */
final class Listings {

    private static final String PREFIX = "bench-registry-list-";
    private static final int THREADS = 4;
    private static final Duration SETUP_LIMIT = Duration.ofMinutes(5);

    private Listings() {}

    /** What one full listing saw. */
    private record Listing(Set<String> names, int pages) {}

    static void run(RunContext run) throws Exception {
        int count = run.options().registry().listed();
        List<String> names = IntStream.range(0, count)
                .mapToObj(i -> String.format(Locale.ROOT, "%s%04d", PREFIX, i))
                .toList();
        BenchFunctions direct = run.functions();
        try {
            create(run, direct, names);
            try (BenchFunctions gateway = new BenchFunctions(
                    run.options().endpoints().gateway(), run.options().key())) {
                measure(run, Server.IGNIS_REGISTRY, direct.lambda(), names);
                measure(run, Server.IGNIS_GATEWAY, gateway.lambda(), names);
            }
        } finally {
            List<String> left = Fanout.forEach(names, THREADS, SETUP_LIMIT, direct::delete);
            if (!left.isEmpty()) {
                run.note("registry: " + left.size() + " listed functions could not be deleted; first: "
                        + left.getFirst());
            }
        }
    }

    private static void create(RunContext run, BenchFunctions direct, List<String> names) throws InterruptedException {
        long start = System.nanoTime();
        List<String> failed =
                Fanout.forEach(names, THREADS, SETUP_LIMIT, name -> direct.create(name, NoOpRuntime.PYTHON));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " of " + names.size()
                    + " functions could not be created; first: " + failed.getFirst());
        }
        run.note(String.format(
                Locale.ROOT,
                "registry: %,d functions to list created in %.1f s on %d threads (%,.0f creates/s, directly at"
                        + " function-registry-service, not measured further).",
                names.size(),
                seconds,
                THREADS,
                names.size() / seconds));
    }

    private static void measure(RunContext run, Server server, LambdaClient lambda, List<String> names) {
        Samples full = new Samples();
        Samples pages = new Samples();
        Listing last = new Listing(Set.of(), 0);
        for (int i = 0; i < run.options().registry().listings(); i++) {
            var listing = full.time(() -> listAll(lambda, pages));
            if (listing.isPresent()) {
                last = listing.get();
                if (!last.names().containsAll(names)) {
                    full.error("a listing of " + last.names().size() + " functions missed some of the " + names.size());
                }
            }
        }
        String all =
                String.format(Locale.ROOT, "ListFunctions all %,d", last.names().size());
        run.add(Row.ofSamples(Registry.NAME, server, all, "full listing", 1, full.errors(), full.micros()));
        run.add(Row.ofSamples(
                Registry.NAME, server, "ListFunctions one page", "page of 50", 1, pages.errors(), pages.micros()));
        run.note(String.format(
                Locale.ROOT,
                "registry: ListFunctions at %s: %,d functions in %d pages per listing, %d listings%s.",
                server.label(),
                last.names().size(),
                last.pages(),
                run.options().registry().listings(),
                full.firstError().map(e -> "; first error: " + e).orElse("")));
    }

    /**
     * Every page the SDK's paginator brings, each timed into {@code pages}. The paginator asks
     * for a page in {@code next()}, so that is what is timed; a page that fails ends the listing.
     */
    private static Listing listAll(LambdaClient lambda, Samples pages) {
        Set<String> names = new HashSet<>();
        int count = 0;
        Iterator<ListFunctionsResponse> iterator =
                lambda.listFunctionsPaginator(b -> {}).iterator();
        while (iterator.hasNext()) {
            ListFunctionsResponse page = pages.time(iterator::next)
                    .orElseThrow(() -> new IllegalStateException(
                            "a page failed: " + pages.firstError().orElse("")));
            page.functions().stream().map(FunctionConfiguration::functionName).forEach(names::add);
            count++;
        }
        return new Listing(names, count);
    }
}
