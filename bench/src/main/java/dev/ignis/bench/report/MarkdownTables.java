package dev.ignis.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A run as Markdown tables: the side-by-side with ratios first, then every row. */
public final class MarkdownTables {

    private MarkdownTables() {}

    public static String of(RunReport report) {
        StringBuilder md = new StringBuilder(4096);
        md.append(String.format(
                Locale.ROOT,
                "Run of %s: %d cores, load average before %s, after %s.",
                report.started().withNano(0),
                report.cores(),
                report.loadBefore(),
                report.loadAfter()));
        report.signMicros()
                .ifPresent(us -> md.append(
                        String.format(Locale.ROOT, " SigV4 signing with the SDK's signer: %.1f µs per request.", us)));
        md.append("\n\n");
        if (!report.comparisons().isEmpty()) {
            md.append(sideBySide(report.comparisons())).append('\n');
        }
        md.append(rows(report.rows()));
        for (RunReport.Skip skip : report.skipped()) {
            md.append("\nSkipped `")
                    .append(skip.scenario())
                    .append("`: ")
                    .append(skip.reason())
                    .append('\n');
        }
        for (String note : report.notes()) {
            md.append("\n").append(note).append('\n');
        }
        return md.toString();
    }

    /**
     * The same no-op handler on Ignis, the peer and the floor, per load level; ratios are Ignis
     * divided by the other (latency: below 1 is faster; req/s: above 1 serves more).
     */
    static String sideBySide(List<Comparison> comparisons) {
        StringBuilder md = new StringBuilder(
                "| load | figure | Ignis direct | Ignis gateway | serverless-offline | floor | direct ÷ peer"
                        + " | gateway ÷ peer | direct ÷ floor | gateway ÷ floor |\n"
                        + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Comparison c : comparisons) {
            boolean first = true;
            for (Comparison.Figure figure : Comparison.Figure.values()) {
                md.append("| ")
                        .append(first ? c.load() : "")
                        .append(" | ")
                        .append(figure.label())
                        .append(" | ")
                        .append(figure(c.direct(), figure))
                        .append(" | ")
                        .append(figure(c.gateway(), figure))
                        .append(" | ")
                        .append(figure(c.peer(), figure))
                        .append(" | ")
                        .append(figure(c.floor(), figure))
                        .append(" | ")
                        .append(ratio(Comparison.ratio(c.direct(), c.peer(), figure)))
                        .append(" | ")
                        .append(ratio(Comparison.ratio(c.gateway(), c.peer(), figure)))
                        .append(" | ")
                        .append(ratio(Comparison.ratio(c.direct(), c.floor(), figure)))
                        .append(" | ")
                        .append(ratio(Comparison.ratio(c.gateway(), c.floor(), figure)))
                        .append(" |\n");
                first = false;
            }
            md.append(String.format(
                    Locale.ROOT,
                    "|  | errors | %s | %s | %s | %s | | | | |\n",
                    errors(c.direct()),
                    errors(c.gateway()),
                    errors(c.peer()),
                    errors(c.floor())));
        }
        return md.toString();
    }

    static String rows(List<Row> rows) {
        StringBuilder md = new StringBuilder(
                "| scenario | server | subject | mode | clients | requests | errors | p50 ms | p99 ms | p99.9 ms"
                        + " | max ms | req/s | p50 ÷ floor |\n|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            Optional<Row> floor = r.server().isIgnis()
                    ? rows.stream()
                            .filter(f -> f.server() == Server.FLOOR && f.sameLoadAs(r))
                            .findFirst()
                    : Optional.empty();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %d | %d | %d | %s | %s | %s | %s | %s | %s |\n",
                    r.scenario(),
                    r.server().label(),
                    r.subject(),
                    r.mode(),
                    r.clients(),
                    r.requests(),
                    r.errors(),
                    ms(r.p50()),
                    ms(r.p99()),
                    ms(r.p999()),
                    ms(r.max()),
                    r.throughput() > 0 ? String.format(Locale.ROOT, "%,.0f", r.throughput()) : "—",
                    ratio(Comparison.ratio(Optional.of(r), floor, Comparison.Figure.P50))));
        }
        return md.toString();
    }

    private static String figure(Optional<Row> row, Comparison.Figure figure) {
        return row.map(r -> figure.latency() ? ms(figure.of(r)) : String.format(Locale.ROOT, "%,.0f", figure.of(r)))
                .orElse("—");
    }

    private static String errors(Optional<Row> row) {
        return row.map(r -> Long.toString(r.errors())).orElse("—");
    }

    private static String ratio(Optional<Double> ratio) {
        return ratio.map(r -> String.format(Locale.ROOT, "%.2f", r)).orElse("—");
    }

    static String ms(double ms) {
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%.0f", ms);
        }
        return String.format(Locale.ROOT, ms >= 10 ? "%.1f" : "%.3f", ms);
    }
}
