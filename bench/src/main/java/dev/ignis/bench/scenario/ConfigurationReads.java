package dev.ignis.bench.scenario;

import dev.ignis.bench.driver.LoadShape;
import dev.ignis.bench.driver.RawHttpClient;
import dev.ignis.bench.functions.NoOpRuntime;
import dev.ignis.bench.report.Row;
import dev.ignis.bench.report.Server;
import java.util.List;
import java.util.Locale;

/**
 * GetFunctionConfiguration in a closed loop at one client and at {@code --clients}, signed, at
 * function-registry-service itself and through the gateway, then the floor at the same loads for
 * the rows' {@code p50 ÷ floor}. The target is ≥ 5,000 req/s on 2 cores.
 */
final class ConfigurationReads {

    static final String SUBJECT = "GetFunctionConfiguration";
    private static final String FUNCTION = "bench-registry-config";
    private static final int TARGET_PER_SECOND = 5_000;

    private ConfigurationReads() {}

    static void run(RunContext run) throws Exception {
        run.functions().create(FUNCTION, NoOpRuntime.PYTHON);
        try {
            String path = "/2015-03-31/functions/" + FUNCTION + "/configuration";
            List<LoadShape> shapes = List.of(
                    new LoadShape.Closed(1), new LoadShape.Closed(run.options().clients()));
            for (Target target : List.of(run.registry(), run.gateway())) {
                if (answers(run, target, path)) {
                    for (LoadShape shape : shapes) {
                        run.measure(Registry.NAME, target, SUBJECT, shape, target.request("GET", path, null));
                    }
                }
            }
            for (LoadShape shape : shapes) {
                run.measure(
                        Registry.NAME, run.floor(), "echo", shape, run.floor().request("GET", path, null));
            }
            noteTarget(run);
        } finally {
            run.functions().delete(FUNCTION);
        }
    }

    /** One signed request first: a refusal (auth not ready, no route) is a skip, not 100 % errors. */
    private static boolean answers(RunContext run, Target target, String path) throws Exception {
        try (RawHttpClient client = target.client()) {
            RawHttpClient.Response response = client.get(path, target.auth("GET", path, null));
            if (response.status() == 200) {
                return true;
            }
            run.skip(
                    Registry.NAME + " " + SUBJECT + " at " + target.server().label(),
                    "answered HTTP " + response.status() + " " + response.bodyText());
            return false;
        }
    }

    /** The loaded rows against the target, with the caveat that the bench shares the cores. */
    private static void noteTarget(RunContext run) {
        int clients = run.options().clients();
        for (Row row : run.rows()) {
            if (row.scenario().equals(Registry.NAME)
                    && row.subject().equals(SUBJECT)
                    && row.clients() == clients
                    && row.server() != Server.FLOOR) {
                run.note(String.format(
                        Locale.ROOT,
                        "registry: GetFunctionConfiguration at %s, %d clients: %,.0f req/s (%s the target of %,d"
                                + " req/s on 2 cores); %d cores here, shared by the whole stack and the bench's"
                                + " %d load threads.",
                        row.server().label(),
                        clients,
                        row.throughput(),
                        row.throughput() >= TARGET_PER_SECOND ? "meets" : "below",
                        TARGET_PER_SECOND,
                        Runtime.getRuntime().availableProcessors(),
                        clients));
            }
        }
    }
}
