package dev.ignis.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** The gateway's routes as config/gateway-service.yml declares them: route id to its Path patterns. */
final class GatewayRoutes {

    private GatewayRoutes() {}

    @SuppressWarnings("unchecked")
    static Map<String, List<String>> read(Path configDir) throws IOException {
        Map<String, Object> root;
        try (Reader in = Files.newBufferedReader(configDir.resolve("gateway-service.yml"))) {
            root = new Yaml().load(in);
        }
        Object node = root;
        for (String key : List.of("spring", "cloud", "gateway", "server", "webflux", "routes")) {
            node = ((Map<String, Object>) node).get(key);
        }
        Map<String, List<String>> routes = new LinkedHashMap<>();
        for (Map<String, Object> route : (List<Map<String, Object>>) node) {
            for (Object predicate : (List<Object>) route.get("predicates")) {
                String text = predicate.toString();
                if (text.startsWith("Path=")) {
                    routes.put(
                            route.get("id").toString(),
                            Arrays.stream(text.substring(5).split(","))
                                    .map(String::trim)
                                    .toList());
                }
            }
        }
        return routes;
    }

    /** True when a documented path ({@code {variables}} and all) is one a pattern forwards. */
    static boolean forwards(List<String> patterns, String documentedPath) {
        return patterns.stream().anyMatch(p -> regex(p).matcher(documentedPath).matches());
    }

    private static final Pattern WILDCARDS = Pattern.compile("\\*\\*|\\*|\\{[^}]+}");

    /** Spring's path pattern as a regex: {@code **} any rest, {@code *} and {@code {name}} one segment. */
    private static Pattern regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        Matcher m = WILDCARDS.matcher(pattern);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start())));
            regex.append(m.group().equals("**") ? ".*" : "[^/]+");
            last = m.end();
        }
        regex.append(Pattern.quote(pattern.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
