package dev.ignis.launcher;

import dev.ignis.launcher.config.ServiceSpec;
import dev.ignis.launcher.config.StackConfig;
import dev.ignis.launcher.health.HealthProbe;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a launch will do, decided before anything starts: which services, on which ports, against
 * which broker, from which jars. Pure apart from the checks that look at the machine.
 */
record StackPlan(
        StackConfig config,
        LaunchOptions options,
        List<ServiceSpec> services,
        Map<String, URI> allServiceUrls,
        Optional<String> externalKafka,
        int kafkaPort) {

    static StackPlan of(StackConfig config, LaunchOptions options) {
        List<ServiceSpec> all = config.services().stream()
                .map(s -> Optional.ofNullable(options.portOverrides().get(s.id()))
                        .map(port -> s.withUrl(withPort(s.url(), port)))
                        .orElse(s))
                .toList();
        List<ServiceSpec> chosen = new ArrayList<>();
        for (String name : options.services()) {
            ServiceSpec service = all.stream()
                    .filter(s -> s.isNamed(name))
                    .findFirst()
                    .orElseThrow(() -> new StartupException("Unknown service '" + name + "'; known: "
                            + all.stream().map(ServiceSpec::id).toList()));
            if (!chosen.contains(service)) {
                chosen.add(service);
            }
        }
        Map<String, URI> urls = new LinkedHashMap<>();
        all.forEach(s -> urls.put(s.id(), s.url()));
        List<ServiceSpec> started = withReplicas(options.services().isEmpty() ? all : chosen, options);
        int kafkaPort = options.portOverrides().getOrDefault(LaunchOptions.KAFKA, config.kafkaPort());
        return new StackPlan(config, options, started, urls, options.externalKafka(), kafkaPort);
    }

    /**
     * Each service followed by its extra replicas ({@code LaunchOptions.replicas}): replica n listens
     * on the port {@code <id>-<n>} overrides, or 100 × (n − 1) above the first. The registry keeps
     * one: its local H2 file admits one process.
     */
    private static List<ServiceSpec> withReplicas(List<ServiceSpec> services, LaunchOptions options) {
        for (String name : options.replicas().keySet()) {
            if (services.stream().noneMatch(s -> s.isNamed(name))) {
                throw new StartupException("--replicas names '" + name + "', which is not started; started: "
                        + services.stream().map(ServiceSpec::id).toList());
            }
        }
        List<ServiceSpec> expanded = new ArrayList<>();
        for (ServiceSpec service : services) {
            int count = options.replicas().entrySet().stream()
                    .filter(e -> service.isNamed(e.getKey()))
                    .mapToInt(Map.Entry::getValue)
                    .findFirst()
                    .orElse(1);
            if (count < 1) {
                throw new StartupException("--replicas " + service.id() + " must be at least 1");
            }
            if (count > 1 && service.id().equals("function-registry")) {
                throw new StartupException("function-registry runs once here: its H2 database file admits one"
                        + " process (several registries need PostgreSQL, as in the Helm chart)");
            }
            expanded.add(service);
            for (int n = 2; n <= count; n++) {
                int port = options.portOverrides().getOrDefault(service.id() + "-" + n, service.port() + 100 * (n - 1));
                expanded.add(service.replica(n, withPort(service.url(), port)));
            }
        }
        return List.copyOf(expanded);
    }

    /**
     * The management port {@code service} moves its actuator to, if it has one of its own (the
     * gateway, 9080 in config/gateway-service.yml) and it is not the configured one: the {@code
     * <id>-management} override for the first replica; for replica n, the {@code <id>-<n>-management}
     * override, or 100 × (n − 1) above the first's, as with its server port, so replicas never
     * share one.
     */
    Optional<Integer> managementPort(ServiceSpec service) {
        if (service.replica() == 1) {
            return Optional.ofNullable(options.portOverrides().get(service.id() + LaunchOptions.MANAGEMENT_SUFFIX));
        }
        Integer own =
                options.portOverrides().get(service.id() + "-" + service.replica() + LaunchOptions.MANAGEMENT_SUFFIX);
        if (own != null) {
            return Optional.of(own);
        }
        Integer first = options.portOverrides().get(service.id() + LaunchOptions.MANAGEMENT_SUFFIX);
        if (first == null && service.id().equals("gateway")) {
            first = CommandLine.GATEWAY_MANAGEMENT_PORT;
        }
        return first == null ? Optional.empty() : Optional.of(first + 100 * (service.replica() - 1));
    }

    /** Every replica of a service, first one first. */
    List<ServiceSpec> replicasOf(String id) {
        return services.stream().filter(s -> s.id().equals(id)).toList();
    }

    String kafkaBootstrapServers() {
        return externalKafka.orElse("127.0.0.1:" + kafkaPort);
    }

    /** The port of the ElasticMQ {@code --sqs} starts: configured, or moved by an override. */
    int sqsPort() {
        return options.portOverrides().getOrDefault(LaunchOptions.SQS, config.sqsPort());
    }

    /** Where the services' SQS clients go: the ElasticMQ on loopback, when {@code --sqs} asked for it. */
    Optional<URI> sqsEndpoint() {
        return options.sqs() ? Optional.of(URI.create("http://127.0.0.1:" + sqsPort())) : Optional.empty();
    }

    /**
     * The argument pointing {@code service}'s SQS client at the ElasticMQ of {@code --sqs}: SQS
     * triggers poll it (event-source), SQS destinations and dead-letter queues send to it
     * (async-queue); other services have no SQS client.
     */
    Optional<String> sqsEndpointArgument(ServiceSpec service) {
        return sqsEndpoint().flatMap(sqs -> switch (service.id()) {
            case "event-source" -> Optional.of("--ignis.event-source.sqs.endpoint=" + sqs);
            case "async-queue" -> Optional.of("--ignis.async-queue.destinations.sqs-endpoint=" + sqs);
            default -> Optional.empty();
        });
    }

    /** The port of the kinesalite {@code --kinesis} starts: configured, or moved by an override. */
    int kinesisPort() {
        return options.portOverrides().getOrDefault(LaunchOptions.KINESIS, config.kinesisPort());
    }

    /** Where the Kinesis pollers go: the kinesalite on loopback, when {@code --kinesis} asked for it. */
    Optional<URI> kinesisEndpoint() {
        return options.kinesis() ? Optional.of(URI.create("http://127.0.0.1:" + kinesisPort())) : Optional.empty();
    }

    /**
     * The arguments pointing event-source-service's Kinesis pollers at the kinesalite of {@code
     * --kinesis}: its endpoint, JSON instead of CBOR (kinesalite's CBOR answers do not parse in the
     * AWS SDK), and OnFailure destinations sent to the ElasticMQ of {@code --sqs} when it runs too.
     * No other service reads Kinesis.
     */
    List<String> kinesisArguments(ServiceSpec service) {
        if (!service.id().equals("event-source")) {
            return List.of();
        }
        List<String> args = new ArrayList<>();
        kinesisEndpoint().ifPresent(kinesis -> {
            args.add("--ignis.event-source.kinesis.endpoint=" + kinesis);
            args.add("--ignis.event-source.kinesis.cbor=false");
            sqsEndpoint().ifPresent(sqs -> args.add("--ignis.event-source.kinesis.sqs-endpoint=" + sqs));
        });
        return List.copyOf(args);
    }

    /** The KRaft controller listens next to the broker. */
    int kafkaControllerPort() {
        return kafkaPort + 1;
    }

    Optional<ServiceSpec> service(String name) {
        return services.stream().filter(s -> s.isNamed(name)).findFirst();
    }

    Path jarOf(ServiceSpec service) {
        return options.projectRoot().resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
    }

    /** The launcher's jar and its libraries: the broker's child JVM runs on the same class path. */
    String launcherClassPath() {
        Path target = options.projectRoot().resolve("launcher").resolve("target");
        return target.resolve("launcher.jar")
                + File.pathSeparator
                + target.resolve("lib").resolve("*");
    }

    void checkPortsFree() {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        if (externalKafka.isEmpty()) {
            wanted.put("kafka", kafkaPort);
            wanted.put("kafka (controller)", kafkaControllerPort());
        }
        if (options.sqs()) {
            wanted.put("sqs (ElasticMQ)", sqsPort());
        }
        if (options.kinesis()) {
            wanted.put("kinesis (kinesalite)", kinesisPort());
        }
        services.forEach(s -> {
            wanted.put(s.name(), s.port());
            managementPort(s).ifPresent(port -> wanted.put(s.name() + " (management)", port));
        });
        wanted.forEach((component, port) -> {
            if (!HealthProbe.isFree(port)) {
                throw new StartupException("Port " + port + " for " + component
                        + " is already in use by another program; free it or change it in config/");
            }
        });
    }

    void checkJarsBuilt() {
        List<Path> missing = new ArrayList<>();
        services.stream().map(this::jarOf).filter(jar -> !Files.exists(jar)).forEach(missing::add);
        Path launcherJar = options.projectRoot().resolve("launcher/target/launcher.jar");
        if (externalKafka.isEmpty() && !Files.exists(launcherJar)) {
            missing.add(launcherJar);
        }
        if (!missing.isEmpty()) {
            throw new StartupException("Not built: " + missing + " — run ./mvnw -DskipTests install");
        }
    }

    private static URI withPort(URI url, int port) {
        return URI.create(url.getScheme() + "://" + url.getHost() + ":" + port);
    }
}
