package dev.ignis.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

class ForwardedPathsTest {

    private static RouteDefinition route(String predicates) {
        RouteDefinition route = new RouteDefinition();
        route.setUri(URI.create("http://backend"));
        route.setPredicates(List.of(new PredicateDefinition(predicates)));
        return route;
    }

    @Test
    void matchesDocumentedPathsWithTheirVariablesAgainstTheRoutesPathPredicates() {
        ForwardedPaths forwarded = ForwardedPaths.of(List.of(
                route("Path=/2015-03-31/functions/{name}/invocations"),
                route("Path=/2015-03-31/**,/ignis/v1/code/**")));

        assertThat(forwarded.test("/2015-03-31/functions/{FunctionName}/invocations"))
                .isTrue();
        assertThat(forwarded.test("/2015-03-31/functions/{functionName}/aliases/{alias}"))
                .isTrue();
        assertThat(forwarded.test("/ignis/v1/code/{sha256Hex}")).isTrue();
        assertThat(forwarded.test("/ignis/v1/registry/changes")).isFalse();
        assertThat(forwarded.test("/2016-08-19/account-settings")).isFalse();
    }
}
