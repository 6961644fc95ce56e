package dev.ignis.bench.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignis.bench.driver.LoadShape;
import dev.ignis.bench.functions.NoOpRuntime;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Map<String, URI> SERVICES = Map.of(
            "invocation", URI.create("http://localhost:8082"),
            "gateway", URI.create("http://localhost:8080"),
            "function-registry", URI.create("http://localhost:8081"),
            "async-queue", URI.create("http://localhost:8083"),
            "event-source", URI.create("http://localhost:8084"));

    @Test
    void readsTheServiceUrlsFromTheSharedConfiguration() throws Exception {
        Map<String, URI> urls = ServiceUrls.read(Path.of("../config/application.yml"));

        assertThat(urls).containsKeys("gateway", "function-registry", "invocation", "async-queue");
        assertThat(urls.get("invocation").getPort()).isPositive();
    }

    @Test
    void defaultsCoverEveryRuntimeAndWriteLocalhostAsTheIpv4Loopback() {
        BenchOptions options = BenchOptions.from("warm", Map.of(), SERVICES);

        assertThat(options.scenario()).isEqualTo(ScenarioName.WARM);
        assertThat(options.runtimes()).containsExactly(NoOpRuntime.values());
        assertThat(options.endpoints().invocation()).isEqualTo(URI.create("http://127.0.0.1:8082"));
        assertThat(options.shapes())
                .containsExactly(new LoadShape.Closed(1), new LoadShape.Closed(32), new LoadShape.Open(32, 500));
        assertThat(options.key().accessKeyId()).isEqualTo("test");
    }

    @Test
    void smokeShrinksEveryBound() {
        BenchOptions options = BenchOptions.from("all", Map.of("smoke", "true", "seconds", "0.5"), SERVICES);

        assertThat(options.measure()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.coldStarts()).isEqualTo(2);
        assertThat(options.manyFunctions()).isLessThan(10);
        assertThat(options.environments()).isLessThan(10);
        assertThat(options.registry()).isEqualTo(new RegistryCounts(2, 20, 2));
    }

    @Test
    void registryDefaultsToTheIssuesCountsAndTakesOthers() {
        assertThat(BenchOptions.from("registry", Map.of(), SERVICES).registry())
                .isEqualTo(new RegistryCounts(20, 1000, 10));
        BenchOptions options =
                BenchOptions.from("registry", Map.of("creates", "3", "listed", "200", "listings", "4"), SERVICES);

        assertThat(options.scenario()).isEqualTo(ScenarioName.REGISTRY);
        assertThat(options.registry()).isEqualTo(new RegistryCounts(3, 200, 4));
    }

    @Test
    void refusesAnyHostButTheLoopback() {
        assertThatThrownBy(() -> BenchOptions.from("warm", Map.of("gateway", "http://example.com:8080"), SERVICES))
                .hasMessageContaining("loopback");
    }

    @Test
    void refusesUnknownOptionsAndScenarios() {
        assertThatThrownBy(() -> BenchOptions.from("warm", Map.of("secnods", "3"), SERVICES))
                .hasMessageContaining("secnods");
        assertThatThrownBy(() -> BenchOptions.from("lukewarm", Map.of(), SERVICES))
                .hasMessageContaining("lukewarm");
    }

    @Test
    void parsesFlagsAndValuesFromTheCommandLine() throws Exception {
        BenchOptions options = BenchOptions.parse(
                "cold",
                "--no-peer",
                "--runtimes",
                "provided,python",
                "--invocation",
                "http://127.0.0.1:1",
                "--gateway",
                "http://127.0.0.1:2",
                "--registry",
                "http://127.0.0.1:3",
                "--async-queue",
                "http://127.0.0.1:4");

        assertThat(options.scenario()).isEqualTo(ScenarioName.COLD);
        assertThat(options.peer()).isFalse();
        assertThat(options.runtimes()).containsExactly(NoOpRuntime.PROVIDED, NoOpRuntime.PYTHON);
        assertThat(options.endpoints().registry().getPort()).isEqualTo(3);
        assertThat(options.endpoints().asyncQueue().getPort()).isEqualTo(4);
        assertThat(options.endpoints().eventSource()).isEqualTo(URI.create("http://127.0.0.1:8084"));
        assertThat(options.endpoints().sqs()).isEqualTo(URI.create("http://127.0.0.1:9324"));
        assertThat(options.endpoints().kinesis()).isEqualTo(URI.create("http://127.0.0.1:4567"));
        assertThat(options.messages()).isEqualTo(20_000);
    }
}
