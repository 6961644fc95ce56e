package dev.ignis.invocation.sandbox;

import java.util.List;

/**
 * Where an execution environment's runtime process runs. Contract:
 * <ul>
 *   <li>{@link #paths} says where the function finds its code, layers, runtime files and scratch
 *       space; the environment variables Lambda sets ({@code LAMBDA_TASK_ROOT} ...) use them.
 *   <li>{@link #command} wraps the runtime's own argv so that it runs inside the sandbox with
 *       {@link LaunchSpec#dirs()} visible at those paths, code and layers read-only, and nothing
 *       else of the platform's files visible. It must not start anything itself: the caller puts
 *       the process into its resource limits and starts it.
 *   <li>A sandbox that cannot isolate (the plain process) says so in {@link #isolating()}, and the
 *       service warns loudly at start-up.
 * </ul>
 * One package per implementation; {@code ignis.invocation.sandbox.type} chooses.
 */
public interface Sandbox {

    String name();

    boolean isolating();

    SandboxPaths paths(EnvironmentDirs dirs);

    List<String> command(LaunchSpec spec);
}
