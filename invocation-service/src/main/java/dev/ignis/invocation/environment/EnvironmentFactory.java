package dev.ignis.invocation.environment;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.invocation.code.CodeCache;
import dev.ignis.invocation.credentials.FunctionCredentialIssuer;
import dev.ignis.invocation.logs.LogSink;
import dev.ignis.invocation.runtime.ManagedRuntimes;
import dev.ignis.invocation.runtime.RuntimeLaunch;
import dev.ignis.invocation.runtimeapi.RuntimeApiServer;
import dev.ignis.invocation.sandbox.EnvironmentDirs;
import dev.ignis.invocation.sandbox.LaunchSpec;
import dev.ignis.invocation.sandbox.Sandbox;
import dev.ignis.invocation.sandbox.SandboxPaths;
import dev.ignis.invocation.sandbox.cgroup.CgroupHandle;
import dev.ignis.invocation.sandbox.cgroup.Cgroups;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts execution environments: unpacks code and layers, binds the Runtime API, builds Lambda's
 * environment variables, and launches the runtime inside the sandbox and its cgroups.
 */
public final class EnvironmentFactory {

    /** What the factory needs from the service around it. */
    public record Parts(
            Sandbox sandbox,
            Cgroups cgroups,
            ManagedRuntimes runtimes,
            CodeCache code,
            Path runtimeDir,
            Path scratchRoot,
            PortAllocator ports,
            SealedVariables variables,
            FunctionCredentialIssuer credentials,
            LogSink logSink,
            Clock clock,
            String region) {}

    private final Parts parts;

    public EnvironmentFactory(Parts parts) {
        this.parts = parts;
    }

    /** Starts a runtime for {@code function}; init runs on, see {@link ExecutionEnvironment#awaitInit}. */
    public ExecutionEnvironment start(FunctionSnapshot function, boolean provisioned) {
        String id = newId();
        EnvironmentDirs dirs = dirsFor(function, id);
        SandboxPaths paths = parts.sandbox().paths(dirs);
        String handler = function.handler() == null ? "" : function.handler();
        RuntimeLaunch launch = parts.runtimes()
                .launch(function.runtime(), handler, paths, function.memorySizeMb())
                .orElseThrow(() -> new EnvironmentStartException(
                        LambdaErrorType.INVALID_RUNTIME,
                        "The runtime parameter of " + function.runtime() + " is not supported.",
                        null));
        launch = customBootstrap(function, dirs, paths, launch);
        EnvironmentLogs logs = new EnvironmentLogs(
                parts.logSink(),
                parts.clock(),
                function.functionName(),
                function.functionArn(),
                function.version(),
                id);
        ExecutionEnvironment environment = new ExecutionEnvironment(id, function, provisioned, logs);
        ServerSocket socket = null;
        CgroupHandle cgroup = null;
        try {
            socket = parts.ports().bind();
            RuntimeApiServer server = RuntimeApiServer.start(socket, environment, id);
            Map<String, String> defaults = new HashMap<>(parts.sandbox().environment());
            defaults.putAll(launch.environment());
            Map<String, String> env = EnvironmentVariables.of(
                    function,
                    parts.variables().open(function.encryptedEnvironment()),
                    defaults,
                    paths,
                    new EnvironmentVariables.Context(
                            parts.region(),
                            parts.sandbox().runtimeApiAddress(socket.getLocalPort()),
                            logs.logGroup(),
                            logs.logStream(),
                            provisioned,
                            parts.credentials().issue(function)));
            LaunchSpec spec = new LaunchSpec(
                    id,
                    launch.command(),
                    env,
                    dirs,
                    launch.readOnlyPaths(),
                    function.memorySizeMb(),
                    function.ephemeralStorageMb(),
                    socket.getLocalPort());
            cgroup = parts.cgroups().create(id, function.memorySizeMb());
            ProcessBuilder builder = new ProcessBuilder(
                            cgroup.wrap(parts.sandbox().command(spec)))
                    .directory(dirs.taskRoot().toFile())
                    .redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            environment.attach(process, server, cgroup);
            try {
                environment.sandboxed(parts.sandbox().attach(process, spec));
            } catch (IOException e) {
                environment.kill("sandbox set-up failed");
                throw e;
            }
            return environment;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            if (cgroup != null) {
                cgroup.destroy();
            }
            throw new EnvironmentStartException(
                    LambdaErrorType.SERVICE, "Could not start an environment for " + function.functionArn(), e);
        }
    }

    private EnvironmentDirs dirsFor(FunctionSnapshot function, String id) {
        try {
            Path taskRoot = parts.code().taskRoot(function.codeSha256());
            Optional<Path> layers = parts.code().layers(function.layers());
            Path scratch = Files.createDirectories(parts.scratchRoot().resolve(id));
            return new EnvironmentDirs(taskRoot, layers, parts.runtimeDir(), scratch);
        } catch (IOException | RuntimeException e) {
            throw new EnvironmentStartException(
                    LambdaErrorType.RESOURCE_NOT_READY,
                    "The code of " + function.functionArn() + " could not be fetched: " + e.getMessage(),
                    e);
        }
    }

    /** A custom runtime runs {@code bootstrap} from the package, else from a layer ({@code /opt}). */
    private static RuntimeLaunch customBootstrap(
            FunctionSnapshot function, EnvironmentDirs dirs, SandboxPaths paths, RuntimeLaunch launch) {
        if (!ManagedRuntimes.isCustom(function.runtime())
                || Files.exists(dirs.taskRoot().resolve("bootstrap"))) {
            return launch;
        }
        boolean inLayer =
                dirs.layers().map(l -> Files.exists(l.resolve("bootstrap"))).orElse(false);
        String bootstrap = inLayer ? paths.opt() + "/bootstrap" : paths.taskRoot() + "/bootstrap";
        return new RuntimeLaunch(List.of(bootstrap), launch.environment(), launch.readOnlyPaths());
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing bound any more
            }
        }
    }
}
