package dev.ignis.launcher.kafka;

import dev.ignis.launcher.process.ChildProcess;
import dev.ignis.launcher.process.JavaCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker in a child JVM, built from the Maven Central jars in the
 * launcher's class path. Its data survives restarts under {@code dataDir}; it listens on loopback
 * only.
 */
public final class KafkaBroker {

    private final int port;
    private final int controllerPort;
    private final Path dataDir;

    public KafkaBroker(int port, int controllerPort, Path dataDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ChildProcess start(JavaCommand java, List<String> jvmOptions, String classPath, Path logFile) {
        Path properties = writeProperties();
        List<String> options = new ArrayList<>(jvmOptions);
        // Kafka logs through SLF4J: keep its console to warnings, plus the line that says it started.
        options.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        options.add("-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info");
        options.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        List<String> command = java.mainClass(
                options, classPath, BrokerMain.class.getName(), List.of(properties.toString(), clusterId()));
        return ChildProcess.start("kafka", command, Map.of(), dataDir, logFile);
    }

    /** Waits until the broker answers metadata requests, or the process dies, or time runs out. */
    public static boolean awaitReady(String bootstrapServers, Duration timeout, ChildProcess process) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                if (process != null && !process.isAlive()) {
                    return false;
                }
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return true;
                } catch (Exception notYet) {
                    sleep(Duration.ofMillis(100));
                }
            }
        }
        return false;
    }

    private Path writeProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("logs").toString());
        // One node: every internal topic has a single replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Topics come from config only; a typo in a topic name must fail, not create a topic.
        p.setProperty("auto.create.topics.enable", "false");
        // Sized for a laptop: fewer threads and partitions than a production broker.
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("background.threads", "2");
        p.setProperty("log.cleaner.threads", "1");
        p.setProperty("log.cleaner.dedupe.buffer.size", "16777216");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        Path file = dataDir.resolve("server.properties");
        try {
            Files.createDirectories(dataDir);
            try (var writer = Files.newBufferedWriter(file)) {
                p.store(writer, "Written by the Ignis launcher on every start");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kept beside the data so a restarted broker finds storage formatted for its own cluster. */
    private String clusterId() {
        Path file = dataDir.resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.createDirectories(dataDir);
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
