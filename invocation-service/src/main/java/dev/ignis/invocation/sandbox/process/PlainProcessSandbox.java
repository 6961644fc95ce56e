package dev.ignis.invocation.sandbox.process;

import dev.ignis.invocation.sandbox.EnvironmentDirs;
import dev.ignis.invocation.sandbox.LaunchSpec;
import dev.ignis.invocation.sandbox.Sandbox;
import dev.ignis.invocation.sandbox.SandboxPaths;
import java.util.List;

/**
 * No isolation: the runtime runs as a child process of the service, seeing the host's files. The
 * function finds its code in the host directories themselves; {@code /tmp} is a private scratch
 * directory (through {@code TMPDIR}) without a size limit. For machines without bubblewrap only.
 */
public final class PlainProcessSandbox implements Sandbox {

    @Override
    public String name() {
        return "process";
    }

    @Override
    public boolean isolating() {
        return false;
    }

    @Override
    public SandboxPaths paths(EnvironmentDirs dirs) {
        return new SandboxPaths(
                dirs.taskRoot().toString(),
                dirs.layers().map(Object::toString).orElse("/opt"),
                dirs.runtimeDir().toString(),
                dirs.scratch().toString());
    }

    @Override
    public List<String> command(LaunchSpec spec) {
        return spec.command();
    }
}
