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
 * @param replicas how many processes of a service to run (absent: one), by the names {@code
 *     --services} takes
 * @param sqs whether to start an SQS-compatible server (ElasticMQ) on loopback and point the services'
 *     SQS endpoints at it
 * @param kinesis whether to start a Kinesis-compatible server (kinesalite) on loopback and point
 *     event-source-service's Kinesis pollers at it
 */
public record LaunchOptions(
        Path projectRoot,
        Path home,
        List<String> services,
        Optional<String> externalKafka,
        Map<String, Integer> portOverrides,
        boolean useClassDataSharing,
        Map<String, Integer> replicas,
        boolean unsandboxed,
        boolean sqs,
        boolean kinesis) {

    public static final String KAFKA = "kafka";

    /** The ElasticMQ server's component name and its key in the port overrides. */
    public static final String SQS = "sqs";

    /** The kinesalite server's component name and its key in the port overrides. */
    public static final String KINESIS = "kinesis";

    /** {@code <service id>-management} in the port overrides moves that service's actuator port. */
    public static final String MANAGEMENT_SUFFIX = "-management";

    public LaunchOptions {
        projectRoot = projectRoot.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
        services = List.copyOf(services);
        portOverrides = Map.copyOf(portOverrides);
        replicas = Map.copyOf(replicas);
    }

    public static LaunchOptions defaults(Path projectRoot) {
        return new LaunchOptions(
                projectRoot,
                projectRoot.resolve(".ignis"),
                List.of(),
                Optional.empty(),
                Map.of(),
                true,
                Map.of(),
                false,
                false,
                false);
    }

    public LaunchOptions withHome(Path newHome) {
        return new LaunchOptions(
                projectRoot,
                newHome,
                services,
                externalKafka,
                portOverrides,
                useClassDataSharing,
                replicas,
                unsandboxed,
                sqs,
                kinesis);
    }

    public LaunchOptions withServices(List<String> names) {
        return new LaunchOptions(
                projectRoot,
                home,
                names,
                externalKafka,
                portOverrides,
                useClassDataSharing,
                replicas,
                unsandboxed,
                sqs,
                kinesis);
    }

    public LaunchOptions withExternalKafka(String bootstrapServers) {
        return new LaunchOptions(
                projectRoot,
                home,
                services,
                Optional.of(bootstrapServers),
                portOverrides,
                useClassDataSharing,
                replicas,
                unsandboxed,
                sqs,
                kinesis);
    }

    public LaunchOptions withPortOverrides(Map<String, Integer> ports) {
        return new LaunchOptions(
                projectRoot,
                home,
                services,
                externalKafka,
                ports,
                useClassDataSharing,
                replicas,
                unsandboxed,
                sqs,
                kinesis);
    }

    public LaunchOptions withClassDataSharing(boolean enabled) {
        return new LaunchOptions(
                projectRoot,
                home,
                services,
                externalKafka,
                portOverrides,
                enabled,
                replicas,
                unsandboxed,
                sqs,
                kinesis);
    }

    /**
     * How many processes of a service to run, by a name {@code --services} also takes
     * ("invocation=2"); each extra one listens 100 ports above the one before unless {@code
     * portOverrides} has {@code <id>-<n>}.
     */
    public LaunchOptions withReplicas(Map<String, Integer> counts) {
        return new LaunchOptions(
                projectRoot,
                home,
                services,
                externalKafka,
                portOverrides,
                useClassDataSharing,
                counts,
                unsandboxed,
                sqs,
                kinesis);
    }

    /** Functions run as plain processes, without isolation: only when the operator says so by name. */
    public LaunchOptions withUnsandboxed(boolean enabled) {
        return new LaunchOptions(
                projectRoot,
                home,
                services,
                externalKafka,
                portOverrides,
                useClassDataSharing,
                replicas,
                enabled,
                sqs,
                kinesis);
    }

    /** An ElasticMQ on loopback for the SQS pollers and SQS destinations: only when asked for. */
    public LaunchOptions withSqs(boolean enabled) {
        return new LaunchOptions(
                projectRoot,
                home,
                services,
                externalKafka,
                portOverrides,
                useClassDataSharing,
                replicas,
                unsandboxed,
                enabled,
                kinesis);
    }

    /** A kinesalite on loopback for the Kinesis pollers: only when asked for. */
    public LaunchOptions withKinesis(boolean enabled) {
        return new LaunchOptions(
                projectRoot,
                home,
                services,
                externalKafka,
                portOverrides,
                useClassDataSharing,
                replicas,
                unsandboxed,
                sqs,
                enabled);
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
