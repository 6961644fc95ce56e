package dev.ignis.bench.scenario;

import dev.ignis.bench.functions.NoOpRuntime;
import dev.ignis.bench.report.Row;
import dev.ignis.bench.report.Server;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * Times a mapping draining a source that was filled before it was created: records per second from
 * the first delivered batch to the last record, as event-source-service counts them. Bounded: it
 * gives up after two minutes plus a second per thousand records and reports what was not delivered
 * as errors.
 */
final class SourceDrain {

    private static final int[] BATCH_SIZES = {10, 100};

    /** One batch size's run: fill a fresh source, map it to the function, measure, tidy up. */
    interface BatchRun {
        void run(int batch) throws Exception;
    }

    private SourceDrain() {}

    /** A client of one of the stack's own AWS-compatible servers (ElasticMQ, kinesalite), which take any key. */
    static <B extends AwsClientBuilder<B, C>, C> C localClient(B builder, URI endpoint, String region) {
        return builder.endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                .build();
    }

    /** Creates the python no-op {@code function}, runs {@code each} at BatchSize 10 and 100, deletes it. */
    static void overBatchSizes(RunContext run, String function, BatchRun each) throws Exception {
        run.functions().create(function, NoOpRuntime.PYTHON);
        try {
            run.direct().awaitInvocable(function, Duration.ofSeconds(60));
            for (int batch : BATCH_SIZES) {
                each.run(batch);
            }
        } finally {
            run.functions().delete(function);
        }
    }

    static void measure(
            RunContext run, String scenario, DeliveredRecords delivered, String mappingUuid, int records, int batch)
            throws Exception {
        long deadline =
                System.nanoTime() + Duration.ofSeconds(120 + records / 1_000).toNanos();
        DrainProgress progress = new DrainProgress();
        while (progress.done() < records && System.nanoTime() < deadline) {
            progress.saw(delivered.of(mappingUuid));
            Thread.sleep(50); // a scrape costs event-source-service some CPU: not too often
        }
        long done = progress.done();
        double perSecond = progress.perSecond();
        run.add(row(scenario, batch, records, progress));
        run.note(String.format(
                Locale.ROOT,
                "%s: %d of %d records through the mapping in batches of %d at %.0f records/s (%.0f batches/s),"
                        + " from the first delivered batch to the last",
                scenario,
                done,
                records,
                batch,
                perSecond,
                perSecond / batch));
    }

    /** A drain's row: its req/s column is records per second, its requests the records delivered. */
    static Row row(String scenario, int batch, int records, DrainProgress delivered) {
        return new Row(
                scenario,
                Server.IGNIS_EVENT_SOURCE,
                "records drained, batches of " + batch,
                "drain " + records,
                1,
                delivered.done(),
                records - delivered.done(),
                0,
                0,
                0,
                0,
                0,
                delivered.perSecond());
    }
}
