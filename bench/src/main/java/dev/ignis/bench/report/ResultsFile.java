package dev.ignis.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps {@code RESULTS.md} (committed) current: each scenario has one section between markers,
 * replaced by the scenario's latest run, so the file shows the last figures of every scenario and
 * a diff shows how they moved.
 */
public final class ResultsFile {

    private static final String PREAMBLE =
            """
            # Benchmark results

            Written by `./ignis bench <scenario>`: each section is that scenario's latest run on the
            machine that ran it (see `bench/README.md` for how to read the ratios). Timings vary with
            the machine and its load; compare the ratios, which divide by figures measured in the same run.
            """;

    private ResultsFile() {}

    public static void update(Path file, RunReport report) throws IOException {
        String begin = "<!-- bench:" + report.scenario() + " -->";
        String end = "<!-- /bench:" + report.scenario() + " -->";
        String section = begin + "\n## `" + report.scenario() + "`\n\n" + MarkdownTables.of(report) + end + "\n";
        String current = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : PREAMBLE;
        int from = current.indexOf(begin);
        int to = current.indexOf(end);
        String updated;
        if (from >= 0 && to > from) {
            String rest = current.substring(to + end.length()).stripLeading();
            updated = current.substring(0, from) + section + (rest.isEmpty() ? "" : "\n" + rest);
        } else {
            updated = current.stripTrailing() + "\n\n" + section;
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
