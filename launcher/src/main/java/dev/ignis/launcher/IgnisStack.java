package dev.ignis.launcher;

import dev.ignis.launcher.config.ServiceSpec;
import dev.ignis.launcher.config.StackConfig;
import dev.ignis.launcher.config.StackConfigReader;
import dev.ignis.launcher.health.HealthProbe;
import dev.ignis.launcher.kafka.KafkaBroker;
import dev.ignis.launcher.kafka.TopicProvisioner;
import dev.ignis.launcher.kinesis.KinesaliteServer;
import dev.ignis.launcher.process.ChildProcess;
import dev.ignis.launcher.process.JavaCommand;
import dev.ignis.launcher.process.RunFiles;
import dev.ignis.launcher.sqs.ElasticMqServer;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A whole Ignis stack as child processes: a Kafka broker (unless an external one is given), the
 * topics from config, an ElasticMQ ({@code --sqs}) and a kinesalite ({@code --kinesis}) when asked for,
 * and the chosen services. {@code ./ignis up} and the end-to-end tests both
 * start the platform through this class, so the tests exercise the very code path users run.
 */
public final class IgnisStack implements AutoCloseable {

    static final Duration KAFKA_START_TIMEOUT = Duration.ofSeconds(60);
    static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
    static final Duration KAFKA_STOP_GRACE = Duration.ofSeconds(30);
    static final Duration SQS_START_TIMEOUT = Duration.ofSeconds(60);
    static final Duration KINESIS_START_TIMEOUT = Duration.ofSeconds(30);

    private final LaunchOptions options;
    private final StackPlan plan;
    private final RunFiles runFiles;
    private final List<Component> components = Collections.synchronizedList(new ArrayList<>());
    private final HealthProbe probe = new HealthProbe();
    private volatile boolean closed;
    private FileLock lock;

    private IgnisStack(LaunchOptions options, StackPlan plan) {
        this.options = options;
        this.plan = plan;
        this.runFiles = new RunFiles(options.runDir());
    }

    /**
     * Starts the broker and the services and returns once they are started (not yet healthy: see
     * {@link #awaitHealthy}). On failure everything already started is stopped again.
     *
     * @throws StartupException when a stack already runs in this home, a port is taken, or a
     *     component fails to start
     */
    public static IgnisStack start(LaunchOptions options, Consumer<String> console) {
        StackConfig config = StackConfigReader.fromSystemEnvironment().read(options.configDir());
        StackPlan plan = StackPlan.of(config, options);
        IgnisStack stack = new IgnisStack(options, plan);
        stack.lock = stack.runFiles
                .tryLock()
                .orElseThrow(() -> new StartupException("Ignis is already running"
                        + stack.runFiles
                                .liveLauncher()
                                .map(h -> " (pid " + h.pid() + ")")
                                .orElse("") + " with home "
                        + options.home() + " — see ./ignis status, or stop it with ./ignis down"));
        try {
            plan.checkPortsFree();
            plan.checkJarsBuilt();
            stack.launch(console);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void launch(Consumer<String> console) {
        runFiles.recordLauncher(ProcessHandle.current().pid());
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put(LaunchOptions.KAFKA, plan.kafkaBootstrapServers());
        plan.sqsEndpoint().ifPresent(url -> endpoints.put(LaunchOptions.SQS, url.toString()));
        plan.kinesisEndpoint().ifPresent(url -> endpoints.put(LaunchOptions.KINESIS, url.toString()));
        plan.services().forEach(s -> endpoints.put(s.module(), s.url().toString()));
        runFiles.recordEndpoints(endpoints);
        JavaCommand java = JavaCommand.ofCurrentJvm();
        // Preparing a command may extract a jar (seconds on a first start): do it while Kafka boots.
        Map<ServiceSpec, CompletableFuture<List<String>>> commands = new LinkedHashMap<>();
        plan.services()
                .forEach(service ->
                        commands.put(service, CompletableFuture.supplyAsync(() -> serviceCommand(java, service))));
        if (plan.externalKafka().isEmpty()) {
            console.accept("Starting Kafka (KRaft) on " + plan.kafkaBootstrapServers() + " ...");
            KafkaBroker broker = new KafkaBroker(
                    plan.kafkaPort(),
                    plan.kafkaControllerPort(),
                    options.dataDir().resolve("kafka"));
            ChildProcess kafka = broker.start(
                    java, plan.config().kafkaJvmOptions(), plan.launcherClassPath(), logFile(LaunchOptions.KAFKA));
            track(new Component(LaunchOptions.KAFKA, URI.create("kafka://" + plan.kafkaBootstrapServers()), kafka));
            if (!KafkaBroker.awaitReady(plan.kafkaBootstrapServers(), KAFKA_START_TIMEOUT, kafka)) {
                throw new StartupException("Kafka did not start; see " + kafka.logFile());
            }
        } else if (!KafkaBroker.awaitReady(plan.kafkaBootstrapServers(), KAFKA_START_TIMEOUT, null)) {
            throw new StartupException("No Kafka broker answers at " + plan.kafkaBootstrapServers());
        }
        List<String> created = TopicProvisioner.ensure(
                plan.kafkaBootstrapServers(), plan.config().topics());
        if (!created.isEmpty()) {
            console.accept("Created topics " + String.join(", ", created));
        }
        if (options.sqs()) {
            startSqs(java, console);
        }
        if (options.kinesis()) {
            startKinesis(console);
        }
        for (ServiceSpec service : plan.services()) {
            console.accept("Starting " + service.name() + " on " + service.url() + " ...");
            ChildProcess process = ChildProcess.start(
                    service.name(),
                    commands.get(service).join(),
                    serviceEnvironment(),
                    options.projectRoot(),
                    logFile(service.name()));
            track(new Component(service.name(), service.url(), process));
        }
    }

    private void startSqs(JavaCommand java, Consumer<String> console) {
        ElasticMqServer server = new ElasticMqServer(
                plan.sqsPort(), plan.config().region(), plan.config().accountId());
        console.accept("Starting ElasticMQ (SQS API) on " + server.endpoint() + " ...");
        ChildProcess sqs = server.start(
                java,
                plan.config().sqsJvmOptions(),
                plan.launcherClassPath(),
                options.home(),
                logFile(LaunchOptions.SQS));
        track(new Component(LaunchOptions.SQS, server.endpoint(), sqs));
        if (!server.awaitReady(SQS_START_TIMEOUT, sqs)) {
            throw new StartupException("ElasticMQ did not start; see " + sqs.logFile());
        }
    }

    private void startKinesis(Consumer<String> console) {
        KinesaliteServer server = new KinesaliteServer(
                plan.kinesisPort(),
                plan.config().kinesaliteVersion(),
                KinesaliteServer.defaultCache(),
                plan.config().region(),
                plan.config().accountId());
        server.installIfMissing(console);
        console.accept("Starting kinesalite (Kinesis API) on " + server.endpoint() + " ...");
        ChildProcess kinesis = server.start(options.home(), logFile(LaunchOptions.KINESIS));
        track(new Component(LaunchOptions.KINESIS, server.endpoint(), kinesis));
        if (!server.awaitReady(KINESIS_START_TIMEOUT, kinesis)) {
            throw new StartupException("kinesalite did not start; see " + kinesis.logFile());
        }
    }

    private Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("IGNIS_CONFIG_DIR", options.configDir().toString());
        environment.put("IGNIS_HOME", options.home().toString());
        // Services run in the project root, where Spring Boot would also read ./config/application.yml
        // on its own, above the service's file that the packaged application.yml imports after it:
        // the imports only.
        environment.put("SPRING_CONFIG_LOCATION", "classpath:/");
        if ((options.sqs() || options.kinesis()) && System.getenv("AWS_ACCESS_KEY_ID") == null) {
            // The services' SQS and Kinesis clients sign with the SDK's default chain; ElasticMQ and
            // kinesalite accept any key.
            environment.put("AWS_ACCESS_KEY_ID", "ignis");
            environment.put("AWS_SECRET_ACCESS_KEY", "ignis");
        }
        return environment;
    }

    /**
     * Waits until every service reports ready.
     *
     * @throws StartupException if a component exits or the time runs out; names it and its log
     */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Component> pending = new ArrayList<>(services());
        while (!pending.isEmpty()) {
            for (Component component : components()) {
                if (!component.process().isAlive()) {
                    throw new StartupException(component.name() + " exited with code "
                            + component.process().exitValue() + " during start-up; see "
                            + component.process().logFile());
                }
            }
            pending.removeIf(component -> probe.isReady(component.url()));
            if (System.nanoTime() > deadline) {
                throw new StartupException("Not healthy after " + timeout.toSeconds() + " s: "
                        + pending.stream().map(Component::name).toList() + "; see " + options.logDir());
            }
            sleep(Duration.ofMillis(200));
        }
    }

    /** Blocks until a component exits on its own (returned) or the stack is closed (empty). */
    public Optional<Component> awaitUnexpectedExit() {
        while (!closed) {
            for (Component component : components()) {
                if (!component.process().isAlive()) {
                    return closed ? Optional.empty() : Optional.of(component);
                }
            }
            sleep(Duration.ofMillis(500));
        }
        return Optional.empty();
    }

    public List<Component> components() {
        synchronized (components) {
            return List.copyOf(components);
        }
    }

    public List<Component> services() {
        return components().stream().filter(c -> !c.isInfrastructure()).toList();
    }

    public URI serviceUrl(String name) {
        return plan.service(name)
                .map(ServiceSpec::url)
                .orElseThrow(() -> new IllegalArgumentException("No service named " + name));
    }

    public URI gatewayUrl() {
        return serviceUrl("gateway");
    }

    public String kafkaBootstrapServers() {
        return plan.kafkaBootstrapServers();
    }

    public String region() {
        return plan.config().region();
    }

    public LaunchOptions options() {
        return options;
    }

    /**
     * Stops the services (in parallel), then ElasticMQ and kinesalite, then Kafka; removes the run
     * files. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Component> services = services();
        services.forEach(c -> c.process().requestStop());
        services.forEach(c -> {
            c.process().awaitExit(SERVICE_STOP_GRACE);
            runFiles.forget(c.name());
        });
        components().stream().filter(c -> c.isSqs() || c.isKinesis()).forEach(c -> {
            c.process().awaitExit(SERVICE_STOP_GRACE);
            runFiles.forget(c.name());
        });
        components().stream().filter(Component::isKafka).forEach(c -> {
            c.process().awaitExit(KAFKA_STOP_GRACE);
            runFiles.forget(c.name());
        });
        runFiles.forgetEndpoints();
        runFiles.forgetLauncher();
        releaseLock();
    }

    private void releaseLock() {
        try {
            lock.channel().close();
        } catch (IOException e) {
            // The lock dies with the process anyway.
        }
    }

    private List<String> serviceCommand(JavaCommand java, ServiceSpec service) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + service.port());
        // A service with its own actuator port (the gateway's management port) moves it too; replicas get their own.
        plan.managementPort(service).ifPresent(port -> args.add("--management.server.port=" + port));
        args.add("--ignis.home=" + options.home());
        args.add("--ignis.kafka.bootstrap-servers=" + plan.kafkaBootstrapServers());
        plan.allServiceUrls().forEach((id, url) -> args.add("--ignis.services." + id + "=" + url));
        if (options.unsandboxed()) {
            args.add("--ignis.invocation.sandbox.type=unsandboxed");
        }
        plan.sqsEndpointArgument(service).ifPresent(args::add);
        args.addAll(plan.kinesisArguments(service));
        List<ServiceSpec> invocations = plan.replicasOf("invocation");
        if (invocations.size() > 1) {
            // Every caller's placement ring: each function on one replica, the next when it is full or gone.
            for (int i = 0; i < invocations.size(); i++) {
                args.add("--ignis.placement.invocation-replicas[" + i + "]="
                        + invocations.get(i).url());
            }
        }
        if (service.id().equals("invocation") && service.replica() > 1) {
            // Its own environments' files; the data directory is otherwise shared.
            args.add("--ignis.invocation.work-dir=" + options.dataDir().resolve("invocation-" + service.replica()));
        }
        Path jar = plan.jarOf(service);
        return options.useClassDataSharing()
                ? java.bootJarWithClassDataSharing(
                        service.jvmOptions(),
                        jar,
                        options.home().resolve("apps").resolve(service.name()),
                        args)
                : java.bootJar(service.jvmOptions(), jar, args);
    }

    private void track(Component component) {
        components.add(component);
        runFiles.recordChild(component.name(), component.process().pid());
    }

    private Path logFile(String component) {
        return options.logDir().resolve(component + ".log");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted", e);
        }
    }
}
