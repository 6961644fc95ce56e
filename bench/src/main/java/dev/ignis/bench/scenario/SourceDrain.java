package dev.ignis.bench.scenario;

import dev.ignis.bench.report.Row;
import dev.ignis.bench.report.Server;
import java.time.Duration;
import java.util.Locale;

/**
 * Times a mapping draining a source that was filled before it was created: records per second from
 * the first delivered batch to the last record, as event-source-service counts them. Bounded: it
 * gives up after two minutes plus a second per thousand records and reports what was not delivered
 * as errors.
 */
final class SourceDrain {

    private SourceDrain() {}

    static void measure(
            RunContext run, String scenario, DeliveredRecords delivered, String mappingUuid, int records, int batch)
            throws Exception {
        long deadline =
                System.nanoTime() + Duration.ofSeconds(120 + records / 1_000).toNanos();
        long firstAt = 0;
        long first = 0;
        long lastAt = 0;
        long done = 0;
        while (done < records && System.nanoTime() < deadline) {
            long seen = delivered.of(mappingUuid);
            if (seen > done) {
                lastAt = System.nanoTime();
                done = seen;
            }
            if (firstAt == 0 && done > 0) {
                firstAt = lastAt;
                first = done;
            }
            Thread.sleep(50); // a scrape costs event-source-service some CPU: not too often
        }
        double seconds = (lastAt - firstAt) / 1e9;
        double perSecond = firstAt == 0 || done == first ? 0 : (done - first) / seconds;
        run.add(new Row(
                scenario,
                Server.IGNIS_EVENT_SOURCE,
                "records drained, batches of " + batch,
                "drain " + records,
                1,
                done,
                records - done,
                0,
                0,
                0,
                0,
                0,
                perSecond));
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
}
