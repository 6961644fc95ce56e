package dev.ignis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayRoutesTest {

    @Test
    void readsEveryRoutesPathPatternsFromTheGatewaysConfiguration() throws Exception {
        var routes = GatewayRoutes.read(Path.of(System.getProperty("ignis.config-dir", "../config")));

        assertThat(routes).containsKeys("invoke-async", "invoke", "management");
        assertThat(routes.get("invoke")).containsExactly("/2015-03-31/functions/{name}/invocations");
        assertThat(routes.get("management")).contains("/2015-03-31/**", "/ignis/v1/code/**");
    }

    @Test
    void matchesDocumentedPathsAgainstPatterns() {
        List<String> invoke = List.of("/2015-03-31/functions/{name}/invocations");
        assertThat(GatewayRoutes.forwards(invoke, "/2015-03-31/functions/{FunctionName}/invocations"))
                .isTrue();
        assertThat(GatewayRoutes.forwards(invoke, "/2015-03-31/functions/{FunctionName}"))
                .isFalse();
        assertThat(GatewayRoutes.forwards(List.of("/2015-03-31/**"), "/2015-03-31/functions/{f}/aliases"))
                .isTrue();
        assertThat(GatewayRoutes.forwards(List.of("/2015-03-31/**"), "/ignis/v1/registry/changes"))
                .isFalse();
    }
}
