package dev.ignis.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a run's {@code <date>-<scenario>.json} and {@code .svg}, and its section of RESULTS.md. */
public final class ReportFiles {

    private ReportFiles() {}

    /** The files written: the JSON, the SVG, and the results table. */
    public static List<Path> write(RunReport report, Path resultsDir, Path resultsTable) throws IOException {
        Files.createDirectories(resultsDir);
        String base = report.started().toLocalDate() + "-" + report.scenario();
        Path json = resultsDir.resolve(base + ".json");
        Path svg = resultsDir.resolve(base + ".svg");
        Files.writeString(json, JsonReport.of(report));
        Files.writeString(svg, SvgChart.of(report));
        ResultsFile.update(resultsTable, report);
        return List.of(json, svg, resultsTable);
    }
}
