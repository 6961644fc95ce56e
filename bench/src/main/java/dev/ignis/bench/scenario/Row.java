package dev.ignis.bench.scenario;

import dev.ignis.bench.driver.LoadDriver;
import java.util.Locale;

/** One line of a report: what was measured and its figures (milliseconds, requests per second). */
public record Row(
        String scenario,
        String subject,
        int clients,
        long requests,
        long errors,
        double p50,
        double p90,
        double p99,
        double p999,
        double max,
        double throughput) {

    public static Row of(String scenario, String subject, int clients, LoadDriver.Result result) {
        return new Row(
                scenario,
                subject,
                clients,
                result.requests(),
                result.errors(),
                result.percentileMs(50),
                result.percentileMs(90),
                result.percentileMs(99),
                result.percentileMs(99.9),
                result.latency().getMaxValue() / 1000.0,
                result.throughput());
    }

    /** One request at a time, {@code count} of them, latencies in microseconds. */
    public static Row of(String scenario, String subject, int count, long errors, org.HdrHistogram.Histogram micros) {
        return new Row(
                scenario,
                subject,
                1,
                count,
                errors,
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(90) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getValueAtPercentile(99.9) / 1000.0,
                micros.getMaxValue() / 1000.0,
                0);
    }

    public String table() {
        return String.format(
                Locale.ROOT,
                "| %-22s | %-22s | %3d | %8d | %5d | %8.3f | %8.3f | %8.3f | %8.3f | %8.3f | %9.0f |",
                scenario,
                subject,
                clients,
                requests,
                errors,
                p50,
                p90,
                p99,
                p999,
                max,
                throughput);
    }

    public static String header() {
        return "| scenario               | subject                | cli | requests | errs  | p50 ms   | p90 ms   "
                + "| p99 ms   | p99.9 ms | max ms   | req/s     |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }
}
