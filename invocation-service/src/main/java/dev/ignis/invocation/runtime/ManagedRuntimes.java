package dev.ignis.invocation.runtime;

import dev.ignis.invocation.sandbox.SandboxPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The runtimes Ignis runs, by their AWS identifiers, and how each starts: our own Python and
 * Node.js bootstraps, the official Java runtime interface client for {@code java17}/{@code java21},
 * and the ZIP's own {@code bootstrap} for the {@code provided} runtimes.
 */
public final class ManagedRuntimes {

    private static final Pattern PYTHON = Pattern.compile("python3\\.\\d+");
    private static final Pattern NODE = Pattern.compile("nodejs\\d+\\.x");
    private static final String JAVA_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final Path python;
    private final Path node;
    private final Path javaHome;

    public ManagedRuntimes(RuntimeSettings settings) {
        this.python = Path.of(settings.python());
        this.node = onPath(settings.node());
        this.javaHome = Path.of(
                settings.javaHome() == null || settings.javaHome().isBlank()
                        ? System.getProperty("java.home")
                        : settings.javaHome());
    }

    /** How to start {@code runtime}, or empty when Ignis does not run it. */
    public Optional<RuntimeLaunch> launch(String runtime, String handler, SandboxPaths paths, int memoryMb) {
        if (runtime == null) {
            return Optional.empty();
        }
        if (PYTHON.matcher(runtime).matches()) {
            // -S: no site module (Lambda functions bring their packages); the bootstrap is imported,
            // not run as a script, so its precompiled bytecode is used; its directory leaves sys.path
            // again so it cannot shadow a function's own modules.
            String start = "import sys;sys.path.insert(0,'" + paths.runtimeDir() + "/python');import bootstrap;"
                    + "sys.path.pop(0);bootstrap.main()";
            return Optional.of(
                    new RuntimeLaunch(List.of(python.toString(), "-S", "-c", start), executionEnv(runtime), List.of()));
        }
        if (NODE.matcher(runtime).matches()) {
            Map<String, String> env = executionEnv(runtime);
            String major = runtime.substring("nodejs".length(), runtime.length() - 2);
            env.put(
                    "NODE_PATH",
                    String.join(
                            ":",
                            paths.opt() + "/nodejs/node" + major + "/node_modules",
                            paths.opt() + "/nodejs/node_modules",
                            paths.runtimeDir() + "/node_modules",
                            paths.runtimeDir(),
                            paths.taskRoot()));
            return Optional.of(new RuntimeLaunch(
                    List.of(node.toString(), paths.runtimeDir() + "/node/bootstrap.mjs"), env, homeOf(node)));
        }
        if (runtime.equals("java17") || runtime.equals("java21")) {
            // Lambda's order: the runtime, the function's classes and jars, then layers' java/lib jars.
            String classPath = String.join(
                    ":",
                    paths.runtimeDir() + "/java/*",
                    paths.taskRoot(),
                    paths.taskRoot() + "/lib/*",
                    paths.opt() + "/java/lib/*");
            return Optional.of(new RuntimeLaunch(
                    List.of(
                            javaHome.resolve("bin/java").toString(),
                            "-XX:+TieredCompilation",
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-Xshare:auto",
                            "-Xss512k",
                            "-Xmx" + Math.max(32, memoryMb * 6 / 10) + "m",
                            "-cp",
                            classPath,
                            JAVA_MAIN,
                            handler),
                    executionEnv(runtime),
                    List.of(javaHome)));
        }
        if (runtime.equals("provided.al2023") || runtime.equals("provided.al2")) {
            return Optional.of(new RuntimeLaunch(List.of(paths.taskRoot() + "/bootstrap"), new HashMap<>(), List.of()));
        }
        return Optional.empty();
    }

    /** A custom runtime's bootstrap may come from a layer instead of the function's own ZIP. */
    public static boolean isCustom(String runtime) {
        return runtime != null && runtime.startsWith("provided");
    }

    private static Map<String, String> executionEnv(String runtime) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + runtime);
        return env;
    }

    /** The install prefix of a binary outside /usr (its bin directory's parent). */
    private static List<Path> homeOf(Path binary) {
        Path real = binary;
        try {
            real = binary.toRealPath();
        } catch (java.io.IOException e) {
            // use it as configured
        }
        Path bin = real.getParent();
        return bin == null || bin.getParent() == null || real.startsWith("/usr") ? List.of() : List.of(bin.getParent());
    }

    private static Path onPath(String command) {
        if (command.contains("/")) {
            return Path.of(command);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return Path.of("/usr/bin", command);
    }
}
