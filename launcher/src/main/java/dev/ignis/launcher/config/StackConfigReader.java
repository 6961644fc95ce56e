package dev.ignis.launcher.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the launcher's view of the shared configuration: {@code application.yml} (region, Kafka,
 * topics, service URLs) and {@code launcher.yml} (services in start order, JVM options). Only the
 * {@code ${NAME:default}} placeholder form is resolved, against the environment — the launcher
 * starts before any Spring context exists.
 */
public final class StackConfigReader {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private final UnaryOperator<String> environment;

    public StackConfigReader(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    public static StackConfigReader fromSystemEnvironment() {
        return new StackConfigReader(System::getenv);
    }

    public StackConfig read(Path configDir) {
        Map<String, Object> shared = section(load(configDir.resolve("application.yml")), "ignis");
        Map<String, Object> launcher = section(section(load(configDir.resolve("launcher.yml")), "ignis"), "launcher");
        Map<String, Object> urls = section(shared, "services");

        List<ServiceSpec> services = new ArrayList<>();
        for (Object entry : list(launcher, "services")) {
            Map<String, Object> service = asMap(entry, "ignis.launcher.services[]");
            String id = text(service, "id");
            Object url = urls.get(id);
            if (url == null) {
                throw new IllegalStateException("ignis.services." + id + " is missing in application.yml");
            }
            services.add(new ServiceSpec(
                    text(service, "module"), id, URI.create(resolve(url.toString())), strings(service, "jvm-options")));
        }

        List<TopicSpec> topics = new ArrayList<>();
        section(shared, "topics").forEach((id, value) -> {
            Map<String, Object> topic = asMap(value, "ignis.topics." + id);
            topics.add(new TopicSpec(
                    id,
                    text(topic, "name"),
                    Integer.parseInt(resolve(String.valueOf(topic.getOrDefault("partitions", 1)))),
                    Boolean.parseBoolean(resolve(String.valueOf(topic.getOrDefault("compacted", false))))));
        });

        Map<String, Object> sqs = section(launcher, "sqs");
        Map<String, Object> kinesis = section(launcher, "kinesis");
        return new StackConfig(
                text(shared, "region"),
                text(section(shared, "kafka"), "bootstrap-servers"),
                topics,
                services,
                strings(section(launcher, "kafka"), "jvm-options"),
                text(shared, "account-id"),
                Integer.parseInt(text(sqs, "port")),
                strings(sqs, "jvm-options"),
                Integer.parseInt(text(kinesis, "port")),
                text(kinesis, "kinesalite-version"));
    }

    /** Resolves {@code ${NAME:default}} against the environment. */
    public String resolve(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String fromEnv = environment.apply(
                    m.group(1).replace('.', '_').replace('-', '_').toUpperCase());
            String replacement = fromEnv != null ? fromEnv : m.group(2) != null ? m.group(2) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return asMap(root, file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> section(Map<String, Object> parent, String key) {
        return asMap(parent.get(key), key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalStateException("Expected a mapping at '" + where + "'");
    }

    private static List<?> list(Map<String, Object> parent, String key) {
        if (parent.get(key) instanceof List<?> values) {
            return values;
        }
        throw new IllegalStateException("Expected a list at '" + key + "'");
    }

    private List<String> strings(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null
                ? List.of()
                : list(parent, key).stream().map(v -> resolve(v.toString())).toList();
    }

    private String text(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            throw new IllegalStateException("Missing key '" + key + "'");
        }
        return resolve(value.toString());
    }
}
