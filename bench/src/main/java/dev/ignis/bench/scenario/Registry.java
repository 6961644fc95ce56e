package dev.ignis.bench.scenario;

/**
 * The control plane, as the registry issue asks for it: GetFunctionConfiguration throughput
 * (target ≥ 5,000 req/s on 2 cores), CreateFunction with a 1 MB package, ListFunctions over a
 * thousand functions. Each part is on its own, so one that fails is skipped with its reason and
 * the others still report.
 */
public record Registry() implements Scenario {

    static final String NAME = "registry";

    /** One part of the scenario. */
    @FunctionalInterface
    private interface Part {
        void run(RunContext run) throws Exception;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(RunContext run) throws Exception {
        part(run, "GetFunctionConfiguration", ConfigurationReads::run);
        part(run, "CreateFunction", LargeCreates::run);
        part(run, "ListFunctions", Listings::run);
    }

    private static void part(RunContext run, String operation, Part part) throws InterruptedException {
        try {
            part.run(run);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            e.printStackTrace();
            run.skip(NAME + " " + operation, "failed: " + e);
        }
    }
}
