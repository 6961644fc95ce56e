package dev.ignis.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metric names the Grafana dashboards of the chart query: every panel target's PromQL and every
 * {@code label_values(metric, label)} template variable. A name is an identifier of the expression
 * that is not a function call, a label matcher, a range, a grouping clause or a string.
 */
final class DashboardQueries {

    static final Path DIRECTORY = Path.of("..", "helm", "ignis", "dashboards");

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");
    private static final Set<String> KEYWORDS =
            Set.of("by", "without", "on", "ignoring", "bool", "and", "or", "unless", "offset");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DashboardQueries() {}

    /** Metric name to the dashboard panels ({@code file: title}) that query it. */
    static Map<String, Set<String>> metricsByPanel() throws IOException {
        Map<String, Set<String>> metrics = new TreeMap<>();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        String where =
                                file.getFileName() + ": " + panel.path("title").asString();
                        metricNames(target.path("expr").asString())
                                .forEach(m -> metrics.computeIfAbsent(m, k -> new TreeSet<>())
                                        .add(where));
                    }
                }
                for (JsonNode variable : dashboard.path("templating").path("list")) {
                    Matcher m = LABEL_VALUES.matcher(
                            variable.path("query").path("query").asString(""));
                    if (m.find()) {
                        metrics.computeIfAbsent(m.group(1), k -> new TreeSet<>())
                                .add(file.getFileName() + ": $"
                                        + variable.path("name").asString());
                    }
                }
            }
        }
        return metrics;
    }

    static Set<String> metricNames(String promql) {
        String bare = GROUPING.matcher(
                        RANGES.matcher(MATCHERS.matcher(STRINGS.matcher(promql).replaceAll(""))
                                        .replaceAll(""))
                                .replaceAll(""))
                .replaceAll("");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            if (m.group(2) == null && !KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The series names of a Prometheus text exposition. */
    static Set<String> exposed(String prometheusText) {
        Set<String> names = new TreeSet<>();
        prometheusText.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(line -> {
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        });
        return names;
    }
}
