package dev.ignis.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The run as JSON, written by hand: the bench has no JSON library on its class path and needs
 * none for a flat document of numbers and short strings.
 */
public final class JsonReport {

    private JsonReport() {}

    public static String of(RunReport report) {
        StringBuilder json = new StringBuilder(4096).append("{\n");
        field(json, "scenario", string(report.scenario()));
        field(json, "started", string(report.started().toString()));
        field(json, "cores", Integer.toString(report.cores()));
        field(json, "loadBefore", string(report.loadBefore()));
        field(json, "loadAfter", string(report.loadAfter()));
        field(
                json,
                "signMicrosPerRequest",
                report.signMicros().isPresent() ? number(report.signMicros().getAsDouble()) : "null");
        field(json, "rows", array(report.rows(), JsonReport::row));
        field(json, "comparisons", array(report.comparisons(), JsonReport::comparison));
        field(
                json,
                "skipped",
                array(
                        report.skipped(),
                        s -> "{\"scenario\":" + string(s.scenario()) + ",\"reason\":" + string(s.reason()) + "}"));
        json.append("  \"notes\": ")
                .append(array(report.notes(), JsonReport::string))
                .append("\n}\n");
        return json.toString();
    }

    private static String row(Row r) {
        return "{\"scenario\":" + string(r.scenario()) + ",\"server\":"
                + string(r.server().label()) + ",\"subject\":"
                + string(r.subject()) + ",\"mode\":" + string(r.mode()) + ",\"clients\":" + r.clients()
                + ",\"requests\":" + r.requests() + ",\"errors\":" + r.errors() + ",\"p50\":" + number(r.p50())
                + ",\"p90\":" + number(r.p90()) + ",\"p99\":" + number(r.p99()) + ",\"p999\":" + number(r.p999())
                + ",\"max\":" + number(r.max()) + ",\"throughput\":" + number(r.throughput()) + "}";
    }

    private static String comparison(Comparison c) {
        StringJoiner ratios = new StringJoiner(",", "{", "}");
        for (Comparison.Figure figure : Comparison.Figure.values()) {
            String name = figure.name().toLowerCase(Locale.ROOT);
            ratio(ratios, "direct/peer " + name, Comparison.ratio(c.direct(), c.peer(), figure));
            ratio(ratios, "gateway/peer " + name, Comparison.ratio(c.gateway(), c.peer(), figure));
            ratio(ratios, "direct/floor " + name, Comparison.ratio(c.direct(), c.floor(), figure));
            ratio(ratios, "gateway/floor " + name, Comparison.ratio(c.gateway(), c.floor(), figure));
        }
        return "{\"scenario\":" + string(c.scenario()) + ",\"mode\":" + string(c.mode()) + ",\"clients\":" + c.clients()
                + ",\"ratios\":" + ratios + "}";
    }

    private static void ratio(StringJoiner ratios, String name, Optional<Double> value) {
        value.ifPresent(v -> ratios.add(string(name) + ":" + String.format(Locale.ROOT, "%.4f", v)));
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append("  ").append(string(name)).append(": ").append(value).append(",\n");
    }

    private static <T> String array(List<T> items, Function<T, String> element) {
        StringJoiner array = new StringJoiner(",\n    ", "[\n    ", "\n  ]").setEmptyValue("[]");
        items.forEach(item -> array.add(element.apply(item)));
        return array.toString();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "null";
    }

    static String string(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
