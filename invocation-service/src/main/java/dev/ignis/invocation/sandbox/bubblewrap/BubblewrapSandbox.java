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
        argv.addAll(List.of("--info-fd", "3", "--block-fd", "4", "--hostname", "localhost"));
        roBind(argv, Path.of("/usr"), "/usr");
        argv.addAll(List.of("--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin"));
        argv.addAll(List.of("--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64"));
        roBind(argv, Path.of("/etc"), "/etc");
        roBind(argv, settings.etcOverlay().resolve("hosts"), "/etc/hosts");
        argv.addAll(List.of(
                "--ro-bind-try", settings.etcOverlay().resolve("resolv.conf").toString(), "/etc/resolv.conf"));
        argv.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--remount-ro", "/dev"));
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
        argv.addAll(List.of("--remount-ro", "/", "--chdir", PATHS.taskRoot(), "--"));
        argv.addAll(spec.command());
        return argv;
    }

    @Override
    public AutoCloseable attach(Process process, LaunchSpec spec) throws IOException {
        long pid = SandboxInfo.awaitBlockedChild(infoFile(spec), process, BLOCK_FD);
        NamespaceNetwork.Attached network =
                settings.network().attach(pid, settings.policy().apply(spec.runtimeApiPort()));
        try (OutputStream release = process.getOutputStream()) {
            release.write('1'); // bubblewrap's --block-fd: the runtime may exec now
        } catch (IOException e) {
            network.close();
            throw e;
        }
        return network;
    }

    private static Path infoFile(LaunchSpec spec) {
        return spec.dirs().scratch().resolve("bwrap-info.json");
    }

    private static void roBind(List<String> argv, Path source, String target) {
        argv.addAll(List.of("--ro-bind", source.toString(), target));
    }
}
