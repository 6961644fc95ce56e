package dev.ignis.eventsource.kinesis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Kinesis API for the tests: kinesalite (npm), installed once per machine under
 * {@code ~/.cache/ignis/kinesalite-<version>} with the machine's npm, and run with Node bound to
 * 127.0.0.1 on a free port, streams created and resharded at once. One server per test JVM,
 * stopped when it exits.
 */
final class Kinesalite {

    static final String VERSION = "3.3.3";

    private static Kinesalite shared;

    private final Process process;
    private final URI endpoint;

    private Kinesalite(Process process, int port) {
        this.process = process;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    static synchronized Kinesalite shared() {
        if (shared == null) {
            shared = start(install());
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroyForcibly));
        }
        return shared;
    }

    URI endpoint() {
        return endpoint;
    }

    private static Path install() {
        Path home = Path.of(System.getProperty("user.home"), ".cache", "ignis", "kinesalite-" + VERSION);
        Path module = home.resolve("node_modules").resolve("kinesalite");
        if (Files.exists(module.resolve("index.js"))) {
            return module;
        }
        try {
            Files.createDirectories(home);
            Process npm = new ProcessBuilder(
                            "npm",
                            "install",
                            "--no-audit",
                            "--no-fund",
                            "--prefix",
                            home.toString(),
                            "kinesalite@" + VERSION)
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("npm-install.log").toFile())
                    .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES)
                    || npm.exitValue() != 0
                    || !Files.exists(module.resolve("index.js"))) {
                throw new IllegalStateException(
                        "npm install kinesalite failed: see " + home.resolve("npm-install.log"));
            }
            return module;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Kinesalite start(Path module) {
        int port = freePort();
        // kinesalite's own CLI listens on every interface; its module lets us bind to loopback only.
        String script = "require(" + quoted(module.toString()) + ")({createStreamMs:0,deleteStreamMs:0,"
                + "updateStreamMs:0,shardLimit:1000}).listen(" + port + ",'127.0.0.1',"
                + "function(){console.log('listening')})";
        try {
            Process process = new ProcessBuilder("node", "-e", script)
                    .redirectErrorStream(true)
                    .start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("listening")) {
                    Thread.ofVirtual().start(() -> drain(out));
                    return new Kinesalite(process, port);
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("kinesalite did not start");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // kinesalite logs nothing we need; reading keeps its pipe from filling.
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
