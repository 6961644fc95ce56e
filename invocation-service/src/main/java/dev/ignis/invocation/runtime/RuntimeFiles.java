package dev.ignis.invocation.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Copies the runtimes shipped inside the service ({@code classpath:runtimes/**}: the Python and
 * Node.js bootstraps, the Java runtime interface client's jars) to a directory the sandbox
 * mounts read-only at {@code /var/runtime}.
 */
public final class RuntimeFiles {

    private RuntimeFiles() {}

    /**
     * Installs the files and precompiles the Python bootstrap with {@code python}, so that no cold
     * start compiles it again (the sandbox mounts it read-only).
     */
    public static Path install(Path target, String python) throws IOException {
        install(target);
        Path sources = target.resolve("python");
        if (Files.isExecutable(Path.of(python)) && Files.isDirectory(sources)) {
            try {
                Process compile = new ProcessBuilder(python, "-m", "compileall", "-q", sources.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                compile.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
                makeReadable(sources);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return target;
    }

    private static void makeReadable(Path tree) throws IOException {
        try (var paths = Files.walk(tree)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(
                        path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    static Path install(Path target) throws IOException {
        Files.createDirectories(target);
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:runtimes/**");
        for (Resource resource : resources) {
            if (!resource.isReadable()) {
                continue; // a directory
            }
            String url = resource.getURL().toString();
            String relative = url.substring(url.lastIndexOf("runtimes/") + "runtimes/".length());
            if (relative.isEmpty() || relative.endsWith("/")) {
                continue;
            }
            Path out = target.resolve(relative).normalize();
            Files.createDirectories(out.getParent());
            Files.setPosixFilePermissions(out.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
            try (InputStream in = resource.getInputStream()) {
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        return target;
    }
}
