package dev.ignis.invocation.sandbox.bubblewrap;

import dev.ignis.invocation.sandbox.EnvironmentDirs;
import dev.ignis.invocation.sandbox.LaunchSpec;
import dev.ignis.invocation.sandbox.Sandbox;
import dev.ignis.invocation.sandbox.SandboxPaths;
import dev.ignis.invocation.sandbox.network.NamespaceNetwork;
import dev.ignis.invocation.sandbox.network.NetworkPolicy;
import dev.ignis.invocation.sandbox.network.SlirpAddresses;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * bubblewrap namespaces: own mount, pid, ipc, uts, user and network namespaces; {@code /usr} and
 * {@code /etc} read-only, the root and {@code /dev} (so {@code /dev/shm}) read-only; code at
 * {@code /var/task} and layers at {@code /opt} read-only; a private tmpfs {@code /tmp} of
 * EphemeralStorage bytes, the one writable place. The network namespace is held empty until
 * {@link NamespaceNetwork} connected it (bubblewrap's {@code --block-fd}): the runtime never runs
 * in an unconfigured one. When the service runs as root the process also drops to an unprivileged
 * uid first.
 */
public final class BubblewrapSandbox implements Sandbox {

    private static final List<String> DEVICES =
            List.of("/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom");

    /** Where the sandbox's first process finds its network rules. */
    private static final String RULES = "/run/ignis/network.nft";

    private static final SandboxPaths PATHS = new SandboxPaths("/var/task", "/opt", "/var/runtime", "/tmp");

    /** Opens bubblewrap's info and block descriptors, which a Java child cannot be given directly. */
    private static final String FDS = "exec \"$@\" 3>\"$0\" 4<&0 </dev/null";

    private static final int BLOCK_FD = 4;

    /** Every setting of one installation. */
    public record Settings(
            String bwrap,
            OptionalInt runAsUid,
            Path etcOverlay,
            Map<String, String> environment,
            NamespaceNetwork network,
            IntFunction<NetworkPolicy> policy) {}

    private final Settings settings;

    public BubblewrapSandbox(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "bubblewrap";
    }

    @Override
    public boolean isolating() {
        return true;
    }

    @Override
    public SandboxPaths paths(EnvironmentDirs dirs) {
        return PATHS;
    }

    @Override
    public String runtimeApiAddress(int hostLoopbackPort) {
        return SlirpAddresses.HOST + ":" + hostLoopbackPort;
    }

    @Override
    public Map<String, String> environment() {
        return settings.environment();
    }

    @Override
    public List<String> command(LaunchSpec spec) {
        List<String> argv =
                new ArrayList<>(List.of("/bin/sh", "-c", FDS, infoFile(spec).toString()));
        settings.runAsUid()
                .ifPresent(uid -> argv.addAll(
                        List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--inh-caps=-all")));
        argv.addAll(List.of(settings.bwrap(), "--die-with-parent", "--new-session", "--unshare-all"));
        // For the rule loader only, in the sandbox's own user namespace; dropped before the runtime.
        argv.addAll(List.of("--cap-add", NamespaceNetwork.LOADER_CAPABILITY));
        argv.addAll(List.of("--info-fd", "3", "--block-fd", "4", "--hostname", "localhost"));
        roBind(argv, Path.of("/usr"), "/usr");
        argv.addAll(List.of("--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin"));
        argv.addAll(List.of("--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64"));
        roBind(argv, Path.of("/etc"), "/etc");
        roBind(argv, settings.etcOverlay().resolve("hosts"), "/etc/hosts");
        argv.addAll(List.of(
                "--ro-bind-try", settings.etcOverlay().resolve("resolv.conf").toString(), "/etc/resolv.conf"));
        argv.addAll(List.of("--proc", "/proc"));
        minimalDev(argv);
        argv.addAll(List.of("--size", Long.toString(spec.ephemeralStorageMb() * 1024L * 1024L), "--tmpfs", "/tmp"));
        for (Path extra : spec.readOnlyPaths()) {
            if (!extra.startsWith("/usr")) {
                roBind(argv, extra, extra.toString());
            }
        }
        EnvironmentDirs dirs = spec.dirs();
        roBind(argv, dirs.runtimeDir(), PATHS.runtimeDir());
        roBind(argv, dirs.taskRoot(), PATHS.taskRoot());
        dirs.layers().ifPresent(layers -> roBind(argv, layers, PATHS.opt()));
        roBind(argv, writeRules(spec), RULES);
        argv.addAll(List.of("--remount-ro", "/", "--chdir", PATHS.taskRoot(), "--"));
        argv.addAll(settings.network().loading(RULES, spec.command()));
        return argv;
    }

    @Override
    public AutoCloseable attach(Process process, LaunchSpec spec) throws IOException {
        long pid = SandboxInfo.awaitBlockedChild(infoFile(spec), process, BLOCK_FD);
        NamespaceNetwork.Attached network = settings.network().attach(pid);
        try (OutputStream release = process.getOutputStream()) {
            release.write('1'); // bubblewrap's --block-fd: the runtime may exec now
        } catch (IOException e) {
            network.close();
            throw e;
        }
        return network;
    }

    /**
     * A read-only {@code /dev} with the usual devices and no devpts. bubblewrap's own {@code --dev}
     * mounts a devpts, for which it nests a second user namespace: the network namespace then
     * belongs to a user namespace no process is left in, and an unprivileged service could not
     * enter it to load the filter rules. Functions need no terminal.
     */
    private static void minimalDev(List<String> argv) {
        argv.addAll(List.of("--tmpfs", "/dev"));
        for (String device : DEVICES) {
            argv.addAll(List.of("--dev-bind", device, device));
        }
        argv.addAll(List.of("--symlink", "/proc/self/fd", "/dev/fd"));
        argv.addAll(List.of("--symlink", "/proc/self/fd/0", "/dev/stdin"));
        argv.addAll(List.of("--symlink", "/proc/self/fd/1", "/dev/stdout"));
        argv.addAll(List.of("--symlink", "/proc/self/fd/2", "/dev/stderr"));
        // present, as on Lambda's hosts, but refusing writes like everything outside /tmp
        argv.addAll(List.of("--dir", "/dev/shm", "--remount-ro", "/dev"));
    }

    /** The environment's filter rules, written where the sandbox's first process reads them. */
    private Path writeRules(LaunchSpec spec) {
        Path file = spec.dirs().scratch().resolve("network.nft");
        try {
            Files.writeString(file, settings.network().rules(settings.policy().apply(spec.runtimeApiPort())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the network rules of the environment", e);
        }
        return file;
    }

    private static Path infoFile(LaunchSpec spec) {
        return spec.dirs().scratch().resolve("bwrap-info.json");
    }

    private static void roBind(List<String> argv, Path source, String target) {
        argv.addAll(List.of("--ro-bind", source.toString(), target));
    }
}
