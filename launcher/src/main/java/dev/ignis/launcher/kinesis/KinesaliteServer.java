package dev.ignis.launcher.kinesis;

import dev.ignis.launcher.StartupException;
import dev.ignis.launcher.process.ChildProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * kinesalite, a Kinesis-compatible server published on npm, run with the machine's Node: what {@code
 * ./ignis up --kinesis} starts for Kinesis triggers. Installed once with npm into a cache shared by
 * every stack and event-source-service's tests ({@code ~/.cache/ignis/kinesalite-<version>}), in memory
 * (streams are gone after a restart) and bound to loopback only. Its stream ARNs carry the stack's
 * region and account, so mappings name streams as they would on AWS.
 */
public final class KinesaliteServer {

    static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private final int port;
    private final String version;
    private final Path cache;
    private final String region;
    private final String accountId;

    /** {@code cache} holds one directory per kinesalite version; {@link #defaultCache()} normally. */
    public KinesaliteServer(int port, String version, Path cache, String region, String accountId) {
        this.port = port;
        this.version = version;
        this.cache = cache;
        this.region = region;
        this.accountId = accountId;
    }

    /** {@code ~/.cache/ignis}, where event-source-service's tests install kinesalite too. */
    public static Path defaultCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "ignis");
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Where this version lives once installed: its {@code node_modules/kinesalite}. */
    Path module() {
        return cache.resolve("kinesalite-" + version).resolve("node_modules").resolve("kinesalite");
    }

    boolean isInstalled() {
        return Files.exists(module().resolve("index.js"));
    }

    /**
     * Installs this version with npm unless it is there already; says so on the console, since the
     * first install downloads it.
     *
     * @throws StartupException when npm is missing or the install fails, naming its log
     */
    public void installIfMissing(Consumer<String> console) {
        if (isInstalled()) {
            return;
        }
        Path prefix = cache.resolve("kinesalite-" + version);
        Path log = prefix.resolve("npm-install.log");
        console.accept("Installing kinesalite " + version + " with npm into " + prefix + " (once) ...");
        try {
            Files.createDirectories(prefix);
            Process npm = new ProcessBuilder(
                            "npm",
                            "install",
                            "--no-audit",
                            "--no-fund",
                            "--prefix",
                            prefix.toString(),
                            "kinesalite@" + version)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                throw new StartupException("npm install kinesalite@" + version + " did not finish in "
                        + INSTALL_TIMEOUT.toMinutes() + " min; see " + log);
            }
            if (npm.exitValue() != 0 || !isInstalled()) {
                throw new StartupException("npm install kinesalite@" + version + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new StartupException(
                    "--kinesis runs kinesalite, an npm package: it needs Node.js and npm on the" + " PATH ("
                            + e.getMessage() + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while installing kinesalite", e);
        }
    }

    /**
     * Starts Node on kinesalite's module rather than its CLI, which listens on every interface. Streams
     * are created, updated and deleted at once, as a developer wants them locally.
     */
    public ChildProcess start(Path workDir, Path logFile) {
        String script = "require(" + quoted(module().toString()) + ")({createStreamMs:0,deleteStreamMs:0,"
                + "updateStreamMs:0,shardLimit:1000}).listen(" + port + ",'127.0.0.1',"
                + "function(){console.log('kinesalite (Kinesis API) listening on " + endpoint() + "')})";
        // kinesalite reads the account and region of its ARNs from these variables.
        Map<String, String> environment =
                Map.of("AWS_ACCOUNT_ID", accountId, "AWS_REGION", region, "AWS_DEFAULT_REGION", region);
        return ChildProcess.start("kinesis", List.of("node", "-e", script), environment, workDir, logFile);
    }

    /** Waits until the server accepts connections, or the process dies, or time runs out. */
    public boolean awaitReady(Duration timeout, ChildProcess process) {
        return process.awaitListening("127.0.0.1", port, timeout);
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
