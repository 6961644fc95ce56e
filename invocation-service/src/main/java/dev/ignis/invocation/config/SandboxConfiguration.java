package dev.ignis.invocation.config;

import dev.ignis.invocation.sandbox.GatewayEndpoint;
import dev.ignis.invocation.sandbox.Sandbox;
import dev.ignis.invocation.sandbox.bubblewrap.BubblewrapSandbox;
import dev.ignis.invocation.sandbox.cgroup.Cgroups;
import dev.ignis.invocation.sandbox.network.EtcOverlay;
import dev.ignis.invocation.sandbox.network.HostAddresses;
import dev.ignis.invocation.sandbox.network.NamespaceNetwork;
import dev.ignis.invocation.sandbox.network.NetworkPolicy;
import dev.ignis.invocation.sandbox.network.PlatformPorts;
import dev.ignis.invocation.sandbox.network.SlirpAddresses;
import dev.ignis.invocation.sandbox.process.PlainProcessSandbox;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the sandbox by {@code ignis.invocation.sandbox.type}. There is no silent fallback: the
 * bubblewrap sandbox refuses to start without its tools, and plain processes run only when the
 * operator names them, with a loud warning.
 */
@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean
    Sandbox sandbox(InvocationProperties properties) throws IOException {
        InvocationProperties.Sandbox settings = properties.sandbox();
        InvocationProperties.Network network = settings.network();
        switch (network.mode()) {
            case "outbound", "none" -> {}
            default ->
                throw new IllegalStateException(
                        "ignis.invocation.sandbox.network.mode must be outbound or none, not " + network.mode());
        }
        return switch (settings.type()) {
            case "unsandboxed" -> {
                log.warn("*** FUNCTIONS ARE NOT ISOLATED *** ignis.invocation.sandbox.type=unsandboxed: they run as "
                        + "plain processes of this service, can read its files and reach every port of this host.");
                yield new PlainProcessSandbox(network.gatewayUrl().toString());
            }
            case "bubblewrap" -> bubblewrap(properties);
            default ->
                throw new IllegalStateException(
                        "ignis.invocation.sandbox.type must be bubblewrap or unsandboxed, not " + settings.type());
        };
    }

    private static Sandbox bubblewrap(InvocationProperties properties) throws IOException {
        InvocationProperties.Sandbox settings = properties.sandbox();
        InvocationProperties.Network network = settings.network();
        String bwrap = required("bwrap", "bubblewrap");
        boolean root = isRoot();
        NamespaceNetwork.Tools tools = new NamespaceNetwork.Tools(
                required("slirp4netns", "slirp4netns"),
                required("nft", "nftables"),
                required("setpriv", "util-linux"),
                root);
        if (!root) {
            requireTunDevice(Path.of("/dev/net/tun"));
        }
        boolean dropUid = root && settings.runAsUid() >= 0;
        Path etc = EtcOverlay.write(
                Files.createDirectories(properties.workDir().resolve("network")), network.hostAccess());
        URI gateway = network.gatewayUrl();
        boolean gatewayOnThisHost = PlatformPorts.isLoopback(gateway.getHost());
        int gatewayPort = gatewayOnThisHost ? PlatformPorts.port(gateway) : -1;
        String endpoint = gatewayOnThisHost
                ? gateway.getScheme() + "://" + SlirpAddresses.HOST + ":" + gatewayPort
                : gateway.toString();
        List<Integer> platformPorts = new ArrayList<>(PlatformPorts.of(network.platformAddresses()));
        platformPorts.removeIf(port -> port == gatewayPort);
        List<String> hostAddresses = HostAddresses.current();
        InvocationProperties.Environments environments = properties.environments();
        boolean outbound = network.mode().equals("outbound");
        log.info(
                "Function sandbox: bubblewrap, own network namespace per environment (slirp4netns), network {}, "
                        + "host services at {} {}, gateway at {}",
                network.mode(),
                SlirpAddresses.HOST_NAME,
                network.hostAccess() ? "reachable" : "closed",
                endpoint);
        return new BubblewrapSandbox(new BubblewrapSandbox.Settings(
                bwrap,
                dropUid ? OptionalInt.of(settings.runAsUid()) : OptionalInt.empty(),
                etc,
                GatewayEndpoint.variables(endpoint),
                new NamespaceNetwork(tools),
                runtimeApiPort -> new NetworkPolicy(
                        outbound,
                        network.hostAccess(),
                        runtimeApiPort,
                        gatewayPort,
                        platformPorts.stream().distinct().toList(),
                        environments.firstRuntimeApiPort(),
                        environments.lastRuntimeApiPort(),
                        hostAddresses)));
    }

    @Bean
    Cgroups cgroups(InvocationProperties properties) {
        InvocationProperties.Sandbox settings = properties.sandbox();
        Cgroups cgroups = Cgroups.detect(settings.cgroupRoot(), settings.cgroupParent(), settings.maxProcesses());
        if (!cgroups.limitsMemory()) {
            log.warn("*** No writable memory cgroup under {}: MemorySize is not enforced.", settings.cgroupRoot());
        } else {
            log.info("Environment limits through cgroups: {}", cgroups.describe());
        }
        return cgroups;
    }

    @Bean
    SandboxHealth sandboxHealthIndicator(Sandbox sandbox, Cgroups cgroups, InvocationProperties properties) {
        return new SandboxHealth(
                sandbox, cgroups, properties.sandbox().network().mode());
    }

    /**
     * slirp4netns opens the TUN device as the service's own user when the service is not root;
     * udev on Debian and Ubuntu makes it 0666, a bare VM or container image may leave it 0600.
     */
    static void requireTunDevice(Path tun) {
        if (!Files.isReadable(tun) || !Files.isWritable(tun)) {
            throw new IllegalStateException("The function sandbox needs read and write access to " + tun
                    + " when invocation-service does not run as root (slirp4netns opens it to connect each "
                    + "environment's network); distributions with udev make it 0666. Run: sudo chmod 666 "
                    + tun + " (or run the service as root).");
        }
    }

    private static String required(String executable, String debianPackage) {
        String path = executable(executable);
        if (path == null) {
            throw new IllegalStateException("The function sandbox needs " + executable
                    + ", which is not installed: run scripts/install-prerequisites.sh (or apt-get install "
                    + debianPackage + "). To run functions without isolation instead, say so by name: "
                    + "ignis.invocation.sandbox.type=unsandboxed (./ignis up --unsandboxed).");
        }
        return path;
    }

    private static boolean isRoot() {
        try {
            return "0"
                    .equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")
                            .toString());
        } catch (Exception e) {
            return false;
        }
    }

    private static String executable(String name) {
        List<String> dirs = new ArrayList<>(
                List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin"));
        for (String dir : dirs) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
