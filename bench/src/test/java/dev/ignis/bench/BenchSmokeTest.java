package dev.ignis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.ignis.bench.driver.LoadResult;
import dev.ignis.bench.driver.LoadShape;
import dev.ignis.bench.floor.EchoServer;
import dev.ignis.bench.report.Comparison;
import dev.ignis.bench.report.ReportFiles;
import dev.ignis.bench.report.Row;
import dev.ignis.bench.report.RunReport;
import dev.ignis.bench.report.Server;
import dev.ignis.bench.scenario.Target;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The harness end to end in seconds, with no stack and no npm: three echo servers play Ignis, the
 * peer and the floor, each is driven closed- and open-loop, and the run's JSON, SVG and RESULTS
 * table are written and read back. Nothing here asserts a timing; it asserts that every figure
 * and ratio is there and consistent, so the bench cannot rot between real runs.
 */
class BenchSmokeTest {

    private static final Duration WARMUP = Duration.ofMillis(200);
    private static final Duration MEASURE = Duration.ofMillis(700);
    private static final List<LoadShape> SHAPES =
            List.of(new LoadShape.Closed(1), new LoadShape.Closed(4), new LoadShape.Open(4, 200));

    @TempDir
    Path dir;

    @Test
    void drivesTheFloorInBothModesAndWritesJsonSvgAndResultsTable() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (EchoServer ignis = EchoServer.start();
                EchoServer peer = EchoServer.start();
                EchoServer floor = EchoServer.start()) {
            measure(rows, Target.unsigned(Server.IGNIS_DIRECT, ignis.host(), ignis.port()), "nodejs20.x");
            measure(rows, Target.unsigned(Server.PEER, peer.host(), peer.port()), "nodejs20.x");
            measure(rows, Target.unsigned(Server.FLOOR, floor.host(), floor.port()), "echo");
        }
        RunReport report = new RunReport(
                "smoke",
                LocalDateTime.now(),
                Runtime.getRuntime().availableProcessors(),
                "0.00 0.00 0.00 1/1 1",
                "0.00 0.00 0.00 1/1 1",
                OptionalDouble.of(12.5),
                rows,
                Comparison.of(rows, "nodejs20.x"),
                List.of(new RunReport.Skip("url", "not there yet: HTTP 404")),
                List.of("a note"));

        List<Path> files = ReportFiles.write(report, dir.resolve("results"), dir.resolve("RESULTS.md"));

        assertThat(files).allMatch(Files::exists);
        assertJson(JsonPath.parse(files.get(0).toFile()));
        assertSvg(Files.readAllBytes(files.get(1)));
        assertResultsTable(Files.readString(files.get(2)));
    }

    private static void measure(List<Row> rows, Target target, String subject) throws InterruptedException {
        for (LoadShape shape : SHAPES) {
            LoadResult result = target.driver().run(shape, WARMUP, MEASURE, target.invoke("/echo", Target.EVENT));
            rows.add(Row.of("warm", target.server(), subject, result));
        }
    }

    private static void assertJson(DocumentContext json) {
        assertThat(json.read("$.scenario", String.class)).isEqualTo("smoke");
        assertThat(json.read("$.signMicrosPerRequest", Double.class)).isEqualTo(12.5);
        List<Map<String, Object>> rows = json.read("$.rows");
        assertThat(rows).hasSize(9);
        for (Map<String, Object> row : rows) {
            assertThat(((Number) row.get("requests")).longValue())
                    .as("requests of %s", row)
                    .isPositive();
            assertThat(((Number) row.get("errors")).longValue())
                    .as("errors of %s", row)
                    .isZero();
            double p50 = ((Number) row.get("p50")).doubleValue();
            double p99 = ((Number) row.get("p99")).doubleValue();
            double p999 = ((Number) row.get("p999")).doubleValue();
            assertThat(p50).isPositive().isLessThanOrEqualTo(p99);
            assertThat(p99).isLessThanOrEqualTo(p999);
            assertThat(((Number) row.get("throughput")).doubleValue()).isPositive();
        }
        // Open loop offers 200/s whatever the server does: the window holds about that many.
        List<Number> openRequests = json.read("$.rows[?(@.mode == 'open 200/s')].requests");
        assertThat(openRequests).hasSize(3).allSatisfy(n -> assertThat(n.longValue())
                .isBetween(100L, 160L));
        List<Map<String, Double>> ratios = json.read("$.comparisons[*].ratios");
        assertThat(ratios).hasSize(3);
        for (Map<String, Double> level : ratios) {
            assertThat(level)
                    .containsKeys("direct/peer p50", "direct/floor p50", "direct/peer throughput", "direct/floor p999");
            assertThat(level.values())
                    .allSatisfy(r -> assertThat(r).isPositive().isFinite());
        }
        assertThat(json.read("$.skipped[0].reason", String.class)).contains("404");
    }

    private static void assertSvg(byte[] svg) throws Exception {
        Document chart =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertThat(chart.getDocumentElement().getNodeName()).isEqualTo("svg");
        // three bars per row (p50, p99, p99.9), each titled with its figure
        assertThat(chart.getElementsByTagName("title").getLength()).isEqualTo(27);
        assertThat(new String(svg)).contains("serverless-offline · nodejs20.x · open 200/s · 4", "skipped url");
    }

    private static void assertResultsTable(String markdown) {
        assertThat(markdown)
                .contains("<!-- bench:smoke -->", "<!-- /bench:smoke -->")
                .contains("| Ignis direct | Ignis gateway | serverless-offline | floor | direct ÷ peer")
                .contains(
                        "| closed, 1 client | p50 ms |", "| closed, 4 clients | p50 ms |", "| open 200/s, 4 clients |")
                .contains("12.5 µs per request", "Skipped `url`");
        String ratioLine = markdown.lines()
                .filter(l -> l.startsWith("| closed, 1 client | p50 ms |"))
                .findFirst()
                .orElseThrow();
        // direct ÷ peer and direct ÷ floor are numbers; the gateway did not run, so its are dashes
        String[] cells = ratioLine.split("\\|");
        assertThat(cells[7].strip()).matches("\\d+\\.\\d\\d");
        assertThat(cells[8].strip()).isEqualTo("—");
        assertThat(cells[9].strip()).matches("\\d+\\.\\d\\d");
    }
}
