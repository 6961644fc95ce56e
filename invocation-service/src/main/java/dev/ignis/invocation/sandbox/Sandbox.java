package dev.ignis.invocation.sandbox;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where an execution environment's runtime process runs. Contract:
 * <ul>
 *   <li>{@link #paths} says where the function finds its code, layers, runtime files and scratch
 *       space; the environment variables Lambda sets ({@code LAMBDA_TASK_ROOT} ...) use them.
 *   <li>{@link #runtimeApiAddress} is the {@code host:port} at which the function reaches the
 *       Runtime API the service serves on a host loopback port; {@link #environment} adds what the
 *       function needs to find the platform's public door ({@code AWS_ENDPOINT_URL} ...).
 *   <li>{@link #command} wraps the runtime's own argv so that it runs inside the sandbox with
 *       {@link LaunchSpec#dirs()} visible at those paths, code and layers read-only, and nothing
 *       else of the platform's files visible. It must not start anything itself: the caller puts
 *       the process into its resource limits and starts it.
 *   <li>{@link #attach} is called once that process started; it finishes the sandbox (its
 *       network) before the runtime may run, and returns what ends with the environment. A failure
 *       there is an {@link IOException}: the caller kills the process.
 *   <li>A sandbox that cannot isolate (the plain process) says so in {@link #isolating()}, and the
 *       service runs it only when the operator asked for it by name, warning loudly.
 * </ul>
 * One package per implementation; {@code ignis.invocation.sandbox.type} chooses.
 */
public interface Sandbox {

    String name();

    boolean isolating();

    SandboxPaths paths(EnvironmentDirs dirs);

    String runtimeApiAddress(int hostLoopbackPort);

    Map<String, String> environment();

    List<String> command(LaunchSpec spec);

    AutoCloseable attach(Process process, LaunchSpec spec) throws IOException;
}
