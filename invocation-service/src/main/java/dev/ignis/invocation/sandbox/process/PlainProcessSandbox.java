package dev.ignis.invocation.sandbox.process;

import dev.ignis.invocation.sandbox.EnvironmentDirs;
import dev.ignis.invocation.sandbox.GatewayEndpoint;
import dev.ignis.invocation.sandbox.LaunchSpec;
import dev.ignis.invocation.sandbox.Sandbox;
import dev.ignis.invocation.sandbox.SandboxPaths;
import java.util.List;
import java.util.Map;

/**
 * No isolation: the runtime runs as a child process of the service, seeing the host's files. The
 * function finds its code in the host directories themselves; {@code /tmp} is a private scratch
 * directory (through {@code TMPDIR}) without a size limit. For machines without bubblewrap only.
 */
public final class PlainProcessSandbox implements Sandbox {

    private final Map<String, String> endpoint;

    /** @param gatewayUrl the gateway as this host reaches it */
    public PlainProcessSandbox(String gatewayUrl) {
        this.endpoint = GatewayEndpoint.variables(gatewayUrl);
    }

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
    public String runtimeApiAddress(int hostLoopbackPort) {
        return "127.0.0.1:" + hostLoopbackPort;
    }

    @Override
    public Map<String, String> environment() {
        return endpoint;
    }

    @Override
    public List<String> command(LaunchSpec spec) {
        return spec.command();
    }

    @Override
    public AutoCloseable attach(Process process, LaunchSpec spec) {
        return () -> {};
    }
}
