package dev.ignis.launcher;

import dev.ignis.launcher.config.StackConfig;
import dev.ignis.launcher.config.StackConfigReader;
import dev.ignis.launcher.health.HealthProbe;
import dev.ignis.launcher.kafka.TopicProvisioner;
import dev.ignis.launcher.process.ChildProcess;
import dev.ignis.launcher.process.RunFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./ignis up | down | status | topics}: the command line over {@link IgnisStack}. The shell script
 * finds the JDK, builds what is missing, and handles {@code logs} and detaching.
 */
public final class Main {

    /** How long {@code up} waits for every service to be ready: {@code IGNIS_START_TIMEOUT} seconds, 180 by default. */
    static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(Optional.ofNullable(System.getenv("IGNIS_START_TIMEOUT"))
            .map(Long::parseLong)
            .orElse(180L));

    private Main() {}

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("ignis.project-root", "."))
                .toAbsolutePath()
                .normalize();
        Path home = Path.of(Optional.ofNullable(System.getenv("IGNIS_HOME"))
                .orElse(root.resolve(".ignis").toString()));
        LaunchOptions defaults = LaunchOptions.defaults(root).withHome(home);
        try {
            CommandLine line = CommandLine.parse(args);
            int code =
                    switch (line.command()) {
                        case "up" ->
                            up(
                                    line.apply(
                                            defaults,
                                            StackConfigReader.fromSystemEnvironment()
                                                    .read(defaults.configDir())),
                                    line.readyFile());
                        case "down" -> down(defaults);
                        case "status" -> status(defaults);
                        case "topics" -> topics(defaults, line);
                        default -> throw new IllegalArgumentException("Unknown command '" + line.command() + "'");
                    };
            System.exit(code);
        } catch (IllegalArgumentException | StartupException e) {
            System.err.println("ignis: " + e.getMessage());
            System.exit(e instanceof StartupException ? 1 : 2);
        }
    }

    private static int up(LaunchOptions options, Optional<Path> readyFile) {
        long started = System.nanoTime();
        IgnisStack stack = IgnisStack.start(options, System.out::println);
        Thread shutdown = new Thread(
                () -> {
                    System.out.println("Stopping Ignis ...");
                    stack.close();
                    System.out.println("Stopped.");
                },
                "ignis-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        stack.awaitHealthy(HEALTHY_TIMEOUT);
        printReady(stack, Duration.ofNanos(System.nanoTime() - started));
        readyFile.ifPresent(Main::touch);
        Optional<Component> died = stack.awaitUnexpectedExit();
        died.ifPresent(c -> System.err.println("!! " + c.name() + " exited unexpectedly with code "
                + c.process().exitValue() + "; its log: " + c.process().logFile()
                + " — stopping the rest."));
        return died.isPresent() ? 1 : 0;
    }

    private static void printReady(IgnisStack stack, Duration took) {
        System.out.printf("%nIgnis is up: all services healthy in %.1f s.%n%n", took.toMillis() / 1000.0);
        // The gateway is the one address users need, so it comes first.
        List<Component> shown = stack.components().stream()
                .sorted(java.util.Comparator.comparing(
                        (Component c) -> !c.name().equals("gateway-service")))
                .toList();
        for (Component c : shown) {
            String address =
                    c.isKafka() ? stack.kafkaBootstrapServers() : c.url().toString();
            System.out.printf("  %-28s %s%n", c.name(), address);
        }
        if (stack.services().stream().anyMatch(c -> c.name().equals("gateway-service"))) {
            System.out.printf(
                    "%nTry it:%n  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws --endpoint-url %s --region %s"
                            + " lambda list-functions%n",
                    stack.gatewayUrl(), stack.region());
        }
        stack.components().stream()
                .filter(Component::isSqs)
                .findFirst()
                .ifPresent(sqs -> System.out.printf(
                        "%nSQS (ElasticMQ, in memory):%n  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws --endpoint-url %s"
                                + " --region %s sqs create-queue --queue-name orders%n",
                        sqs.url(), stack.region()));
        stack.components().stream()
                .filter(Component::isKinesis)
                .findFirst()
                .ifPresent(kinesis -> System.out.printf(
                        "%nKinesis (kinesalite, in memory):%n  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws"
                                + " --endpoint-url %s --region %s kinesis create-stream --stream-name orders"
                                + " --shard-count 1%n",
                        kinesis.url(), stack.region()));
        stack.services().stream()
                .filter(c -> c.name().equals("invocation-service"))
                .findFirst()
                .ifPresent(Main::printSandbox);
        System.out.printf(
                "%nLogs: %s   Stop: Ctrl-C or ./ignis down%n", stack.options().logDir());
    }

    /** Which isolation and limits functions run under, as invocation-service's health reports them. */
    private static void printSandbox(Component invocation) {
        List<String> details =
                new dev.ignis.launcher.health.HealthProbe().componentDetails(invocation.url(), "sandbox");
        if (details.contains("isolated: false")) {
            System.out.printf("%n*** WARNING: FUNCTIONS RUN UNSANDBOXED (--unsandboxed): they can read this machine's "
                    + "files and reach every port. ***%n");
        }
        System.out.printf("%nFunction sandbox:%n");
        details.forEach(line -> System.out.printf("  %s%n", line));
    }

    private static int down(LaunchOptions options) {
        RunFiles runFiles = new RunFiles(options.runDir());
        Optional<ProcessHandle> launcher = runFiles.liveLauncher();
        launcher.ifPresent(handle -> {
            System.out.println("Stopping the launcher (pid " + handle.pid() + ") and its services ...");
            // Its shutdown hook stops the children in order; only the launcher itself gets SIGTERM.
            handle.destroy();
            handle.onExit()
                    .orTimeout(90, java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(t -> {
                        handle.destroyForcibly();
                        return handle;
                    })
                    .join();
        });
        List<ProcessHandle> leftovers = runFiles.liveChildren();
        leftovers.forEach(child -> ChildProcess.terminate(child, IgnisStack.SERVICE_STOP_GRACE));
        runFiles.liveChildren().forEach(child -> ChildProcess.terminate(child, Duration.ofSeconds(5)));
        new RunFiles(options.runDir()).forgetEndpoints();
        runFiles.forgetLauncher();
        if (launcher.isEmpty() && leftovers.isEmpty()) {
            System.out.println("Ignis is not running.");
        } else {
            System.out.println("Ignis is stopped"
                    + (leftovers.isEmpty()
                            ? "."
                            : "; cleaned up " + leftovers.size() + " process(es) a killed launcher left behind."));
        }
        return 0;
    }

    private static int status(LaunchOptions options) {
        RunFiles runFiles = new RunFiles(options.runDir());
        Map<String, String> endpoints = runFiles.endpoints();
        if (endpoints.isEmpty()) {
            StackConfig config = StackConfigReader.fromSystemEnvironment().read(options.configDir());
            endpoints = new LinkedHashMap<>();
            endpoints.put(LaunchOptions.KAFKA, config.kafkaBootstrapServers());
            for (var service : config.services()) {
                endpoints.put(service.module(), service.url().toString());
            }
        }
        System.out.println(runFiles.liveLauncher()
                .map(h -> "Launcher running (pid " + h.pid() + ")")
                .orElse("Launcher not running"));
        HealthProbe probe = new HealthProbe();
        boolean allUp = true;
        for (var entry : endpoints.entrySet()) {
            boolean up;
            if (entry.getKey().equals(LaunchOptions.SQS) || entry.getKey().equals(LaunchOptions.KINESIS)) {
                URI server = URI.create(entry.getValue());
                up = HealthProbe.isListening(server.getHost(), server.getPort());
            } else if (entry.getKey().equals(LaunchOptions.KAFKA)) {
                String address = entry.getValue().split(",")[0];
                int colon = address.lastIndexOf(':');
                up = HealthProbe.isListening(
                        address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
            } else {
                up = probe.isReady(URI.create(entry.getValue()));
            }
            allUp &= up;
            System.out.printf("  %-28s %-5s %s%n", entry.getKey(), up ? "UP" : "DOWN", entry.getValue());
        }
        return allUp ? 0 : 3;
    }

    /**
     * {@code ignis topics}: creates the missing topics of the configuration ({@code IGNIS_CONFIG_DIR}
     * or the project's config/) on a broker; the Helm chart runs it as a Job.
     */
    private static int topics(LaunchOptions options, CommandLine line) {
        Path configDir = Optional.ofNullable(System.getenv("IGNIS_CONFIG_DIR"))
                .map(Path::of)
                .orElse(options.configDir());
        StackConfig config = StackConfigReader.fromSystemEnvironment().read(configDir);
        String bootstrap = line.kafka().orElse(config.kafkaBootstrapServers());
        try {
            List<String> created = TopicProvisioner.ensure(
                    bootstrap, config.topics(), line.replicationFactor(), line.clientProperties());
            System.out.println(
                    created.isEmpty()
                            ? "Every topic exists on " + bootstrap + "."
                            : "Created topics " + String.join(", ", created) + " on " + bootstrap + ".");
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("ignis: " + e.getMessage());
            return 1;
        }
    }

    private static void touch(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            System.err.println("ignis: cannot write " + file + ": " + e.getMessage());
        }
    }
}
