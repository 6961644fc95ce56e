package dev.ignis.launcher.sqs;

import dev.ignis.launcher.process.ChildProcess;
import dev.ignis.launcher.process.JavaCommand;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ElasticMQ, an SQS-compatible server from Maven Central, in a child JVM on the launcher's class
 * path: what {@code ./ignis up --sqs} starts for SQS triggers and SQS destinations. In memory (queues
 * are gone after a restart) and on loopback only.
 */
public final class ElasticMqServer {

    private final int port;
    private final String region;
    private final String accountId;

    public ElasticMqServer(int port, String region, String accountId) {
        this.port = port;
        this.region = region;
        this.accountId = accountId;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public ChildProcess start(JavaCommand java, List<String> jvmOptions, String classPath, Path workDir, Path logFile) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        List<String> command = java.mainClass(
                options, classPath, ElasticMqMain.class.getName(), List.of(Integer.toString(port), region, accountId));
        return ChildProcess.start("sqs", command, Map.of(), workDir, logFile);
    }

    /** Waits until the server accepts connections, or the process dies, or time runs out. */
    public boolean awaitReady(Duration timeout, ChildProcess process) {
        return process.awaitListening("127.0.0.1", port, timeout);
    }
}
