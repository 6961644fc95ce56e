package dev.ignis.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * A percentile chart of a run, written by hand as SVG: one group of three bars (p50, p99, p99.9)
 * per row on a logarithmic millisecond axis — the floor is tens of microseconds and a cold start
 * a hundred milliseconds, so a linear axis would show only the slowest — with throughput and
 * errors printed at the right.
 */
public final class SvgChart {

    private static final int WIDTH = 1000;
    private static final int LABEL_X = 10;
    private static final int PLOT_X = 380;
    private static final int PLOT_WIDTH = 450;
    private static final int FIGURES_X = 845;
    private static final int TOP = 96;
    private static final int GROUP = 28;
    private static final int BAR = 6;
    private static final String[] COLOURS = {"#1f4e79", "#4f8fc0", "#a9cce3"};
    private static final String[] NAMES = {"p50", "p99", "p99.9"};

    private SvgChart() {}

    public static String of(RunReport report) {
        List<Row> rows = report.rows();
        Scale scale = Scale.of(rows);
        int height = TOP + rows.size() * GROUP + 30 + report.skipped().size() * 16;
        StringBuilder svg = new StringBuilder(8192);
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"12\">\n",
                WIDTH,
                height,
                WIDTH,
                height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(svg, LABEL_X, 22, "Ignis bench: " + report.scenario() + ", " + report.started(), "font-size=\"15\"");
        text(
                svg,
                LABEL_X,
                40,
                report.cores() + " cores; load average before " + report.loadBefore() + ", after " + report.loadAfter()
                        + "; latency in ms, log scale",
                "fill=\"#555\"");
        legend(svg);
        axis(svg, scale, TOP - 8, TOP + rows.size() * GROUP);
        int y = TOP;
        for (Row row : rows) {
            group(svg, scale, row, y);
            y += GROUP;
        }
        y += 20;
        for (RunReport.Skip skip : report.skipped()) {
            text(svg, LABEL_X, y, "skipped " + skip.scenario() + ": " + skip.reason(), "fill=\"#a33\"");
            y += 16;
        }
        return svg.append("</svg>\n").toString();
    }

    private static void legend(StringBuilder svg) {
        for (int i = 0; i < NAMES.length; i++) {
            int x = PLOT_X + i * 80;
            svg.append(String.format(
                    Locale.ROOT, "<rect x=\"%d\" y=\"52\" width=\"12\" height=\"10\" fill=\"%s\"/>\n", x, COLOURS[i]));
            text(svg, x + 16, 61, NAMES[i], "");
        }
        text(svg, FIGURES_X, 61, "req/s · errors", "");
    }

    private static void axis(StringBuilder svg, Scale scale, int top, int bottom) {
        for (double tick = scale.min(); tick <= scale.max() * 1.0001; tick *= 10) {
            double x = scale.x(tick);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n",
                    x,
                    top,
                    x,
                    bottom));
            text(svg, x - 12, top - 4, trim(tick), "fill=\"#555\" font-size=\"10\"");
        }
    }

    private static void group(StringBuilder svg, Scale scale, Row row, int y) {
        text(
                svg,
                LABEL_X,
                y + 14,
                row.server().label() + " · " + row.subject() + " · " + row.mode() + " · " + row.clients(),
                "");
        double[] values = {row.p50(), row.p99(), row.p999()};
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0) {
                double width = Math.max(1, scale.x(values[i]) - PLOT_X);
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s %s ms</title></rect>\n",
                        PLOT_X,
                        y + 2 + i * (BAR + 2),
                        width,
                        BAR,
                        COLOURS[i],
                        NAMES[i],
                        trim(values[i])));
            }
        }
        String figures = row.throughput() > 0
                ? String.format(Locale.ROOT, "%,.0f /s · %d", row.throughput(), row.errors())
                : String.format(Locale.ROOT, "%d sent · %d", row.requests(), row.errors());
        text(svg, FIGURES_X, y + 14, figures, row.errors() > 0 ? "fill=\"#a33\"" : "");
    }

    private static void text(StringBuilder svg, double x, double y, String content, String attributes) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s>", x, y, attributes))
                .append(escape(content))
                .append("</text>\n");
    }

    /** Three significant digits at most, no trailing zeros: 0.05, 1.25, 130. */
    private static String trim(double ms) {
        return ms >= 100
                ? String.format(Locale.ROOT, "%.0f", ms)
                : new BigDecimal(ms)
                        .round(new MathContext(3))
                        .stripTrailingZeros()
                        .toPlainString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** Whole decades of milliseconds that hold every figure. */
    private record Scale(double min, double max) {

        static Scale of(List<Row> rows) {
            double low =
                    rows.stream().mapToDouble(Row::p50).filter(v -> v > 0).min().orElse(0.01);
            double high = rows.stream()
                    .mapToDouble(r -> Math.max(r.p999(), r.max()))
                    .max()
                    .orElse(1);
            double min = Math.pow(10, Math.floor(Math.log10(Math.max(low, 0.001))));
            double max = Math.pow(10, Math.ceil(Math.log10(Math.max(high, min * 10))));
            return new Scale(min, max);
        }

        double x(double ms) {
            double clamped = Math.min(Math.max(ms, min), max);
            return PLOT_X + PLOT_WIDTH * Math.log10(clamped / min) / Math.log10(max / min);
        }
    }
}
