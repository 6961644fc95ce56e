package dev.ignis.invocation.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to start one runtime process.
 *
 * @param environmentId short id, used in names (cgroups, threads)
 * @param command the runtime's argv, in the function's view of paths
 * @param environment the complete environment of the process
 * @param dirs the environment's host directories
 * @param readOnlyPaths extra host paths the runtime needs (an interpreter outside /usr ...)
 * @param memoryMb the function's MemorySize
 * @param ephemeralStorageMb the function's EphemeralStorage, the size of /tmp
 * @param runtimeApiPort the host loopback port of the environment's Runtime API
 */
public record LaunchSpec(
        String environmentId,
        List<String> command,
        Map<String, String> environment,
        EnvironmentDirs dirs,
        List<Path> readOnlyPaths,
        int memoryMb,
        int ephemeralStorageMb,
        int runtimeApiPort) {

    public LaunchSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        readOnlyPaths = List.copyOf(readOnlyPaths);
    }
}
