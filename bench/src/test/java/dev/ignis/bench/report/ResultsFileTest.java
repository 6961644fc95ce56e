package dev.ignis.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

    @TempDir
    Path dir;

    @Test
    void keepsOneSectionPerScenarioReplacedByItsLatestRun() throws Exception {
        Path file = dir.resolve("RESULTS.md");

        ResultsFile.update(file, report("warm", 100));
        ResultsFile.update(file, report("cold", 200));
        ResultsFile.update(file, report("warm", 300));

        String results = Files.readString(file);
        assertThat(results).startsWith("# Benchmark results");
        assertThat(results.split("<!-- bench:warm -->", -1)).hasSize(2);
        assertThat(results).contains("| 300 |").doesNotContain("| 100 |").contains("| 200 |");
        assertThat(results.indexOf("<!-- bench:warm -->")).isLessThan(results.indexOf("<!-- bench:cold -->"));
    }

    private static RunReport report(String scenario, long requests) {
        Row row = new Row(scenario, Server.FLOOR, "echo", "closed", 1, requests, 0, 1, 1, 1, 1, 1, requests);
        return new RunReport(
                scenario,
                LocalDateTime.now(),
                2,
                "0",
                "0",
                OptionalDouble.empty(),
                List.of(row),
                List.of(),
                List.of(),
                List.of());
    }
}
