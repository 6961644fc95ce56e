package dev.ignis.gateway.apidocs;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths the gateway's routes forward (their {@code Path=} predicates): a service's document may
 * describe internal endpoints (the registry's change feed) that no caller of the gateway can reach,
 * and those stay out of the public document.
 */
public final class ForwardedPaths implements Predicate<String> {

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^/}]+}");

    private final List<PathPattern> patterns;

    private ForwardedPaths(List<PathPattern> patterns) {
        this.patterns = patterns;
    }

    public static ForwardedPaths of(List<RouteDefinition> routes) {
        return new ForwardedPaths(routes.stream()
                .flatMap(route -> route.getPredicates().stream())
                .filter(predicate -> predicate.getName().equals("Path"))
                .flatMap(predicate -> predicate.getArgs().values().stream())
                .map(PathPatternParser.defaultInstance::parse)
                .toList());
    }

    /** True when a request to this OpenAPI path (its {@code {variables}} filled in) would be forwarded. */
    @Override
    public boolean test(String documentedPath) {
        PathContainer path = PathContainer.parsePath(
                TEMPLATE_VARIABLE.matcher(documentedPath).replaceAll("x"));
        return patterns.stream().anyMatch(p -> p.matches(path));
    }
}
