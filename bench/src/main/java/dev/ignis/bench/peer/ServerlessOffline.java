package dev.ignis.bench.peer;

import dev.ignis.bench.driver.RawHttpClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The peer: serverless-offline serving the same no-op Node handler as Ignis, started for the run
 * and stopped after it. It is installed from npm into its own directory the first time (the only
 * network it needs), and run with everything that would phone home turned off.
 */
public final class ServerlessOffline implements AutoCloseable {

    public static final String RUNTIME = "nodejs20.x";
    static final List<String> PACKAGES = List.of("serverless@3", "serverless-offline@13.9.0");
    static final String OFFLINE_VERSION = "13.9.0";
    private static final String SERVICE = "ignis-bench-peer";
    private static final String FUNCTION = SERVICE + "-dev-noop";
    private static final Duration INSTALL_LIMIT = Duration.ofMinutes(5);
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    /**
     * Serverless Framework v3 sends telemetry and fetches notifications unless told not to; npm
     * checks for its own updates. None of that is reachable here, and none of it may add to a run.
     */
    private static final Map<String, String> QUIET = Map.of(
            "SLS_TELEMETRY_DISABLED", "1",
            "SLS_TRACKING_DISABLED", "1",
            "SLS_NOTIFICATIONS_MODE", "off",
            "NO_UPDATE_NOTIFIER", "1",
            "npm_config_update_notifier", "false",
            "npm_config_fund", "false",
            "npm_config_audit", "false");

    private final Process process;
    private final int port;

    private ServerlessOffline(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Installs when needed, writes the service, starts it, and returns once it has answered. */
    public static ServerlessOffline start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        install(dir);
        int port = freePort();
        PeerService.write(dir, SERVICE, port, freePort(), freePort());
        ProcessBuilder builder = new ProcessBuilder("npx", "serverless", "offline", "start")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("offline.log").toFile());
        builder.environment().putAll(QUIET);
        // Installed already: npx must not ask the registry for anything.
        builder.environment().put("npm_config_offline", "true");
        ServerlessOffline peer = new ServerlessOffline(builder.start(), port);
        try {
            peer.awaitReady(dir);
            return peer;
        } catch (IOException | InterruptedException | RuntimeException e) {
            peer.close();
            throw e;
        }
    }

    public String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    public int port() {
        return port;
    }

    /** The Lambda Invoke API path of the no-op function, as serverless-offline names it. */
    public String invokePath() {
        return "/2015-03-31/functions/" + FUNCTION + "/invocations";
    }

    private static void install(Path dir) throws IOException, InterruptedException {
        Path installed = dir.resolve("node_modules/serverless-offline/package.json");
        if (Files.exists(installed)
                && Files.readString(installed).contains("\"version\": \"" + OFFLINE_VERSION + "\"")) {
            return;
        }
        Path manifest = dir.resolve("package.json");
        if (!Files.exists(manifest)) {
            Files.writeString(
                    manifest,
                    "{\"name\": \"" + SERVICE + "\", \"private\": true, \"version\": \"0.0.0\"}\n",
                    StandardCharsets.UTF_8);
        }
        System.out.println("Installing the peer (" + String.join(", ", PACKAGES) + ") into " + dir + " ...");
        List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund"));
        command.addAll(PACKAGES);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("npm-install.log").toFile());
        builder.environment().putAll(QUIET);
        Process npm = builder.start();
        if (!npm.waitFor(INSTALL_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            npm.destroyForcibly();
            throw new IOException(
                    "npm install took longer than " + INSTALL_LIMIT + "; see " + dir + "/npm-install.log");
        }
        if (npm.exitValue() != 0) {
            throw new IOException("npm install failed (exit " + npm.exitValue() + "); see " + dir + "/npm-install.log");
        }
    }

    /** Ready once the function has answered one invoke, which also takes its own cold start out of the run. */
    private void awaitReady(Path dir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(
                        "serverless offline exited with " + process.exitValue() + "; see " + dir + "/offline.log");
            }
            try (RawHttpClient client = new RawHttpClient(host(), port)) {
                if (client.post(invokePath(), "", new byte[] {'{', '}'}).status() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IOException(
                "serverless offline did not answer within " + START_LIMIT + "; see " + dir + "/offline.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the whole tree: npx, the serverless process it runs, and any workers. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
