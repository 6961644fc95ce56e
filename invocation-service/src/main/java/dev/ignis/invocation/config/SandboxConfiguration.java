package dev.ignis.invocation.config;

import dev.ignis.invocation.sandbox.Sandbox;
import dev.ignis.invocation.sandbox.bubblewrap.BubblewrapSandbox;
import dev.ignis.invocation.sandbox.cgroup.Cgroups;
import dev.ignis.invocation.sandbox.network.LoopbackFirewall;
import dev.ignis.invocation.sandbox.process.PlainProcessSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the sandbox by {@code ignis.invocation.sandbox.type} and says loudly what it cannot do. */
@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean
    Sandbox sandbox(InvocationProperties properties) {
        InvocationProperties.Sandbox settings = properties.sandbox();
        String bwrap = executable("bwrap");
        boolean root = isRoot();
        Sandbox sandbox =
                switch (settings.type()) {
                    case "process" -> new PlainProcessSandbox();
                    case "bubblewrap", "auto" -> {
                        if (bwrap == null) {
                            if (settings.type().equals("bubblewrap")) {
                                throw new IllegalStateException("ignis.invocation.sandbox.type=bubblewrap but no bwrap "
                                        + "on PATH; install it (apt-get install bubblewrap)");
                            }
                            yield new PlainProcessSandbox();
                        }
                        boolean dropUid = root && settings.runAsUid() >= 0 && executable("setpriv") != null;
                        yield new BubblewrapSandbox(
                                bwrap, dropUid ? OptionalInt.of(settings.runAsUid()) : OptionalInt.empty());
                    }
                    default ->
                        throw new IllegalStateException(
                                "ignis.invocation.sandbox.type must be auto, bubblewrap or process, not "
                                        + settings.type());
                };
        if (!sandbox.isolating()) {
            log.warn("*** FUNCTIONS ARE NOT ISOLATED *** They run as plain processes of this service and can read "
                    + "its files. Install bubblewrap (apt-get install bubblewrap) for the sandbox.");
        }
        if (sandbox.isolating() && settings.firewall()) {
            String iptables = executable("iptables");
            boolean installed = root
                    && iptables != null
                    && settings.runAsUid() >= 0
                    && new LoopbackFirewall(iptables)
                            .install(
                                    settings.runAsUid(),
                                    properties.environments().firstRuntimeApiPort(),
                                    properties.environments().lastRuntimeApiPort());
            if (!installed) {
                log.warn("*** Functions CAN reach this host's ports (the platform's APIs, Kafka): the loopback "
                        + "firewall needs root and iptables.");
            }
        }
        return sandbox;
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
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        for (String dir : new String[] {"/usr/sbin", "/sbin", "/usr/bin"}) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
