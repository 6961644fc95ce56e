package dev.ignis.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to start a stack.
 *
 * @param projectRoot the checkout: {@code config/} and the built jars are found from here
 * @param home where logs, data and run files go ({@code .ignis} by default)
 * @param services the services to start, by any name {@link dev.ignis.launcher.config.ServiceSpec#isNamed}
 *     accepts; empty means all
 * @param externalKafka a broker to use instead of starting one
 * @param portOverrides service id or {@code kafka} to a port, instead of the configured one (tests
 *     run a stack beside a developer's)
 * @param useClassDataSharing whether to extract jars and keep a class-data archive per service
 */
public record LaunchOptions(
        Path projectRoot,
        Path home,
        List<String> services,
        Optional<String> externalKafka,
        Map<String, Integer> portOverrides,
        boolean useClassDataSharing) {

    public static final String KAFKA = "kafka";

    /** {@code <service id>-management} in the port overrides moves that service's actuator port. */
    public static final String MANAGEMENT_SUFFIX = "-management";

    public LaunchOptions {
        projectRoot = projectRoot.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
        services = List.copyOf(services);
        portOverrides = Map.copyOf(portOverrides);
    }

    public static LaunchOptions defaults(Path projectRoot) {
        return new LaunchOptions(
                projectRoot, projectRoot.resolve(".ignis"), List.of(), Optional.empty(), Map.of(), true);
    }

    public LaunchOptions withHome(Path newHome) {
        return new LaunchOptions(projectRoot, newHome, services, externalKafka, portOverrides, useClassDataSharing);
    }

    public LaunchOptions withServices(List<String> names) {
        return new LaunchOptions(projectRoot, home, names, externalKafka, portOverrides, useClassDataSharing);
    }

    public LaunchOptions withExternalKafka(String bootstrapServers) {
        return new LaunchOptions(
                projectRoot, home, services, Optional.of(bootstrapServers), portOverrides, useClassDataSharing);
    }

    public LaunchOptions withPortOverrides(Map<String, Integer> ports) {
        return new LaunchOptions(projectRoot, home, services, externalKafka, ports, useClassDataSharing);
    }

    public LaunchOptions withClassDataSharing(boolean enabled) {
        return new LaunchOptions(projectRoot, home, services, externalKafka, portOverrides, enabled);
    }

    public Path configDir() {
        return projectRoot.resolve("config");
    }

    public Path logDir() {
        return home.resolve("logs");
    }

    public Path dataDir() {
        return home.resolve("data");
    }

    public Path runDir() {
        return home.resolve("run");
    }
}
