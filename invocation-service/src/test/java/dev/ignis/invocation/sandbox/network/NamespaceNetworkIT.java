package dev.ignis.invocation.sandbox.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.ignis.invocation.sandbox.EnvironmentDirs;
import dev.ignis.invocation.sandbox.LaunchSpec;
import dev.ignis.invocation.sandbox.bubblewrap.BubblewrapSandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bubblewrap sandbox with its real network namespace, slirp4netns and nft rules, without
 * the service around it. "The outside network" is a server in a network namespace this test makes
 * itself (a veth pair), so no packet leaves this machine. Needs root, as {@code .ci/run} provides.
 */
class NamespaceNetworkIT {

    private static final String OUTSIDE_NS = "ignis-it-outside";
    private static final String OUTSIDE = "10.203.0.2";
    private static Process outsideServer;

    @TempDir
    static Path work;

    private static final String PROBE =
            """
            import os, socket, sys
            def connect(host, port):
                s = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
                s.settimeout(3)
                try:
                    s.connect((host, port))
                    s.sendall(b"GET / HTTP/1.0\\r\\n\\r\\n")
                    return s.recv(12).decode()
                except Exception as e:
                    return type(e).__name__
                finally:
                    s.close()
            for target in sys.argv[1:]:
                host, port = target.rsplit(":", 1)
                print(target, connect(host, int(port)), flush=True)
            """;

    @BeforeAll
    static void outsideNetwork() throws Exception {
        assumeThat(run("id", "-u").trim()).as("needs root").isEqualTo("0");
        run("sh", "-c", "ip netns del " + OUTSIDE_NS + " 2>/dev/null; ip link del ignis-it-o0 2>/dev/null; true");
        run("ip", "netns", "add", OUTSIDE_NS);
        run("ip", "link", "add", "ignis-it-o0", "type", "veth", "peer", "name", "ignis-it-o1");
        run("ip", "link", "set", "ignis-it-o1", "netns", OUTSIDE_NS);
        run("ip", "addr", "add", "10.203.0.1/30", "dev", "ignis-it-o0");
        run("ip", "link", "set", "ignis-it-o0", "up");
        run("ip", "netns", "exec", OUTSIDE_NS, "ip", "addr", "add", OUTSIDE + "/30", "dev", "ignis-it-o1");
        run("ip", "netns", "exec", OUTSIDE_NS, "ip", "link", "set", "ignis-it-o1", "up");
        outsideServer = new ProcessBuilder(
                        "ip",
                        "netns",
                        "exec",
                        OUTSIDE_NS,
                        "/usr/bin/python3",
                        "-m",
                        "http.server",
                        "8000",
                        "--bind",
                        OUTSIDE)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        for (int attempt = 0; attempt < 100 && !reachable(OUTSIDE, 8000); attempt++) {
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void removeOutsideNetwork() throws Exception {
        if (outsideServer != null) {
            outsideServer.destroyForcibly().waitFor();
        }
        run("sh", "-c", "ip netns del " + OUTSIDE_NS + " 2>/dev/null; ip link del ignis-it-o0 2>/dev/null; true");
    }

    @Test
    void underOutboundTheOutsideIsReachableAndThePlatformIsNot() throws Exception {
        try (ServerSocket runtimeApi = loopbackServer();
                ServerSocket platform = loopbackServer();
                ServerSocket userService = loopbackServer()) {
            String out = probe(
                    policy(true, true, runtimeApi, platform),
                    List.of(
                            OUTSIDE + ":8000",
                            SlirpAddresses.HOST + ":" + runtimeApi.getLocalPort(),
                            SlirpAddresses.HOST + ":" + platform.getLocalPort(),
                            SlirpAddresses.HOST + ":" + userService.getLocalPort(),
                            "[::1]:" + platform.getLocalPort()));
            assertThat(out)
                    .contains(OUTSIDE + ":8000 HTTP/1.0 200")
                    .contains(SlirpAddresses.HOST + ":" + runtimeApi.getLocalPort() + " HTTP/1.0 200")
                    .contains(SlirpAddresses.HOST + ":" + platform.getLocalPort() + " ConnectionRefusedError")
                    .contains(SlirpAddresses.HOST + ":" + userService.getLocalPort() + " HTTP/1.0 200");
            assertThat(out).doesNotContain("[::1]:" + platform.getLocalPort() + " HTTP");
        }
    }

    @Test
    void underNoneNothingLeavesButTheRuntimeApiIsStillThere() throws Exception {
        try (ServerSocket runtimeApi = loopbackServer();
                ServerSocket platform = loopbackServer();
                ServerSocket userService = loopbackServer()) {
            String out = probe(
                    policy(false, false, runtimeApi, platform),
                    List.of(
                            OUTSIDE + ":8000",
                            SlirpAddresses.HOST + ":" + runtimeApi.getLocalPort(),
                            SlirpAddresses.HOST + ":" + userService.getLocalPort()));
            assertThat(out)
                    .contains(OUTSIDE + ":8000 ConnectionRefusedError")
                    .contains(SlirpAddresses.HOST + ":" + runtimeApi.getLocalPort() + " HTTP/1.0 200")
                    .contains(SlirpAddresses.HOST + ":" + userService.getLocalPort() + " ConnectionRefusedError");
        }
    }

    private static NetworkPolicy policy(
            boolean outbound, boolean hostAccess, ServerSocket runtimeApi, ServerSocket platform) {
        return new NetworkPolicy(
                outbound,
                hostAccess,
                runtimeApi.getLocalPort(),
                -1,
                List.of(platform.getLocalPort()),
                29000,
                29999,
                HostAddresses.current());
    }

    /** Runs the probe in the sandbox; the metadata rules are read from its namespace meanwhile. */
    private static String probe(NetworkPolicy policy, List<String> targets) throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x")); // the sandbox uid
        Path dir = Files.createTempDirectory(work, "env");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path task = Files.createDirectories(dir.resolve("task"));
        Files.writeString(
                task.resolve("probe.py"), PROBE + "\nimport time\ntime.sleep(float(os.environ.get('LINGER', '0')))\n");
        Path etc = EtcOverlay.write(Files.createDirectories(dir.resolve("etc")), policy.hostAccess());
        NamespaceNetwork network = new NamespaceNetwork(
                new NamespaceNetwork.Tools("/usr/bin/slirp4netns", "/usr/sbin/nft", "/usr/bin/setpriv", true));
        BubblewrapSandbox sandbox = new BubblewrapSandbox(new BubblewrapSandbox.Settings(
                "/usr/bin/bwrap", OptionalInt.of(990), etc, Map.of(), network, port -> policy));
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3", "/var/task/probe.py"));
        command.addAll(targets);
        LaunchSpec spec = new LaunchSpec(
                "it",
                command,
                Map.of("PATH", "/usr/bin", "LINGER", "5"),
                new EnvironmentDirs(task, Optional.empty(), task, Files.createDirectories(dir.resolve("scratch"))),
                List.of(),
                128,
                64,
                policy.runtimeApiPort());
        ProcessBuilder builder = new ProcessBuilder(sandbox.command(spec)).redirectErrorStream(true);
        builder.environment().putAll(spec.environment()); // LINGER: the namespace outlives the rule check
        Process process = builder.start();
        try (AutoCloseable attached = sandbox.attach(process, spec)) {
            // loaded by the sandbox's first process once released, before the probe runs
            Path info = dir.resolve("scratch/bwrap-info.json");
            String rules = await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> process.isAlive() ? inNamespace(info, "nft", "list", "ruleset") : "ended",
                            r -> r.contains("table inet ignis") || r.equals("ended"));
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(rules)
                    .as(output)
                    .contains("ip daddr 169.254.0.0/16 reject")
                    .contains("ip6 daddr fd00:ec2::254 reject");
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return output;
        }
    }

    private static String inNamespace(Path info, String... command) throws Exception {
        String pid = Files.readString(info).replaceAll("(?s).*\"child-pid\"\\s*:\\s*(\\d+).*", "$1");
        List<String> argv = new java.util.ArrayList<>(List.of("nsenter", "-t", pid, "-n"));
        argv.addAll(List.of(command));
        return run(argv.toArray(String[]::new));
    }

    /** A loopback server answering every connection with a fixed HTTP line. */
    private static ServerSocket loopbackServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                    client.getOutputStream().write("HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return server;
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + ": " + output);
        }
        return output;
    }
}
