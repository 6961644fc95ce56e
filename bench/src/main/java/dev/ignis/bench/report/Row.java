package dev.ignis.bench.report;

import dev.ignis.bench.driver.LoadResult;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One measured line: what answered ({@code server}), what it ran ({@code subject}: a runtime, or a
 * description), under which load ({@code mode}, {@code clients}), and the figures in milliseconds
 * and requests per second (0 when one request was sent at a time on purpose, as for cold starts).
 */
public record Row(
        String scenario,
        Server server,
        String subject,
        String mode,
        int clients,
        long requests,
        long errors,
        double p50,
        double p90,
        double p99,
        double p999,
        double max,
        double throughput) {

    public static Row of(String scenario, Server server, String subject, LoadResult result) {
        return new Row(
                scenario,
                server,
                subject,
                result.shape().mode(),
                result.shape().connections(),
                result.requests(),
                result.errors(),
                result.percentileMs(50),
                result.percentileMs(90),
                result.percentileMs(99),
                result.percentileMs(99.9),
                result.maxMs(),
                result.throughput());
    }

    /** Requests sent one at a time (or all at once, as {@code mode} says), latencies in microseconds. */
    public static Row ofSamples(
            String scenario, Server server, String subject, String mode, int clients, long errors, Histogram micros) {
        return new Row(
                scenario,
                server,
                subject,
                mode,
                clients,
                micros.getTotalCount(),
                errors,
                ms(micros, 50),
                ms(micros, 90),
                ms(micros, 99),
                ms(micros, 99.9),
                micros.getTotalCount() == 0 ? 0 : micros.getMaxValue() / 1000.0,
                0);
    }

    private static double ms(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** One line for the console while a run goes on. */
    public String line() {
        return String.format(
                Locale.ROOT,
                "%-8s %-18s %-26s %-12s %4d cli  p50 %8s  p99 %8s  p99.9 %8s ms  %8.0f req/s  %d errors",
                scenario,
                server.label(),
                subject,
                mode,
                clients,
                MarkdownTables.ms(p50),
                MarkdownTables.ms(p99),
                MarkdownTables.ms(p999),
                throughput,
                errors);
    }

    /** Same load, so two rows can be compared. */
    public boolean sameLoadAs(Row other) {
        return scenario.equals(other.scenario) && mode.equals(other.mode) && clients == other.clients;
    }
}
