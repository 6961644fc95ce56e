package dev.ignis.invocation.sandbox.bubblewrap;

import dev.ignis.invocation.sandbox.EnvironmentDirs;
import dev.ignis.invocation.sandbox.LaunchSpec;
import dev.ignis.invocation.sandbox.Sandbox;
import dev.ignis.invocation.sandbox.SandboxPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * bubblewrap namespaces: own mount, pid, ipc, uts and user namespaces; the host network shared
 * (outbound works; the loopback firewall keeps the platform's ports out of reach); {@code /usr}
 * and {@code /etc} read-only; code at {@code /var/task} and layers at {@code /opt} read-only; a
 * private tmpfs {@code /tmp} of EphemeralStorage bytes. When the service runs as root the process
 * also drops to an unprivileged uid first, so that file permissions and the firewall's owner
 * match apply to it.
 */
public final class BubblewrapSandbox implements Sandbox {

    private static final SandboxPaths PATHS = new SandboxPaths("/var/task", "/opt", "/var/runtime", "/tmp");

    private final String bwrap;
    private final OptionalInt runAsUid;

    public BubblewrapSandbox(String bwrap, OptionalInt runAsUid) {
        this.bwrap = bwrap;
        this.runAsUid = runAsUid;
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
    public List<String> command(LaunchSpec spec) {
        List<String> argv = new ArrayList<>();
        runAsUid.ifPresent(uid -> argv.addAll(
                List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--inh-caps=-all")));
        argv.addAll(List.of(bwrap, "--die-with-parent", "--new-session", "--unshare-all", "--share-net"));
        argv.addAll(List.of("--hostname", "localhost"));
        roBind(argv, Path.of("/usr"), "/usr");
        argv.addAll(List.of("--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin"));
        argv.addAll(List.of("--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64"));
        roBind(argv, Path.of("/etc"), "/etc");
        argv.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
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
        argv.addAll(List.of("--chdir", PATHS.taskRoot(), "--"));
        argv.addAll(spec.command());
        return argv;
    }

    private static void roBind(List<String> argv, Path source, String target) {
        argv.addAll(List.of("--ro-bind", source.toString(), target));
    }
}
