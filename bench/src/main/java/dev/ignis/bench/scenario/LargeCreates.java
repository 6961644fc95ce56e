package dev.ignis.bench.scenario;

import dev.ignis.bench.driver.Samples;
import dev.ignis.bench.functions.BenchFunctions;
import dev.ignis.bench.functions.NoOpRuntime;
import dev.ignis.bench.functions.PaddedPackage;
import dev.ignis.bench.report.Row;
import dev.ignis.bench.report.Server;
import java.util.Locale;

/**
 * CreateFunction with a 1 MB ZIP through the gateway, with the AWS SDK as users call it (base64 in
 * JSON, the body hashed into the signature), one at a time, each timed; deleted again after.
 */
final class LargeCreates {

    private static final int PADDING = 1 << 20;
    private static final String PREFIX = "bench-registry-zip-";

    private LargeCreates() {}

    static void run(RunContext run) throws Exception {
        int count = run.options().registry().creates();
        Samples creates = new Samples();
        int zipBytes = 0;
        // Seeds differ from run to run: DeleteFunction leaves packages in the code store, and a
        // package stored by an earlier run would be deduplicated instead of written.
        long seed = System.nanoTime();
        try (BenchFunctions gateway = new BenchFunctions(
                run.options().endpoints().gateway(), run.options().key())) {
            // Untimed: the SDK client's first request loads its classes, a cost of the client, not of Ignis.
            create(run, gateway, PREFIX + "warmup", PaddedPackage.of(PADDING, seed - 1));
            for (int i = 0; i < count; i++) {
                String name = PREFIX + i;
                byte[] zip = PaddedPackage.of(PADDING, seed + i);
                zipBytes = zip.length;
                run.functions().delete(name); // a leftover of a killed run would make it a conflict
                creates.time(() -> {
                    gateway.createNew(name, NoOpRuntime.PYTHON, NoOpRuntime.PYTHON.handler(), zip);
                    return name;
                });
            }
        } // closing deletes every function it created
        run.add(Row.ofSamples(
                Registry.NAME,
                Server.IGNIS_GATEWAY,
                "CreateFunction 1 MB ZIP",
                "one at a time",
                1,
                creates.errors(),
                creates.micros()));
        run.note(String.format(
                Locale.ROOT,
                "registry: CreateFunction ×%d through the gateway with the AWS SDK, each ZIP %,d bytes (1 MiB of"
                        + " random bytes, a new package each time)%s.",
                count,
                zipBytes,
                creates.firstError().map(e -> "; first error: " + e).orElse("")));
    }

    private static void create(RunContext run, BenchFunctions gateway, String name, byte[] zip) {
        run.functions().delete(name);
        gateway.createNew(name, NoOpRuntime.PYTHON, NoOpRuntime.PYTHON.handler(), zip);
    }
}
