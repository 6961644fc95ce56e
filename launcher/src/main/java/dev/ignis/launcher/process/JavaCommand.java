package dev.ignis.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the command line of a child JVM on the launcher's own JDK. For a Spring Boot jar it can
 * add class-data sharing: the jar is extracted once (an uber jar's nested classes cannot be
 * archived) and the JVM keeps a dynamic archive that it writes on its first clean exit and reuses
 * on every later start, until the jar changes.
 */
public final class JavaCommand {

    private final Path javaExecutable;

    public JavaCommand(Path javaHome) {
        this.javaExecutable = javaHome.resolve("bin").resolve("java");
    }

    public static JavaCommand ofCurrentJvm() {
        return new JavaCommand(Path.of(System.getProperty("java.home")));
    }

    public List<String> mainClass(List<String> jvmOptions, String classPath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    public List<String> bootJar(List<String> jvmOptions, Path jar, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    /**
     * Like {@link #bootJar}, but runs the jar extracted under {@code cacheDir} with a class-data
     * archive beside it. Re-extracts (and so drops the archive) when the jar is newer.
     */
    public List<String> bootJarWithClassDataSharing(
            List<String> jvmOptions, Path jar, Path cacheDir, List<String> args) {
        Path extracted = cacheDir.resolve(jar.getFileName());
        Path archive = cacheDir.resolve("classes.jsa");
        try {
            FileTime built = Files.getLastModifiedTime(jar);
            if (!Files.exists(extracted) || Files.getLastModifiedTime(extracted).compareTo(built) < 0) {
                extract(jar, cacheDir);
                Files.deleteIfExists(archive);
                Files.setLastModifiedTime(extracted, built);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-XX:SharedArchiveFile=" + archive);
        options.add("-XX:+AutoCreateSharedArchive");
        options.add("-Xlog:cds=off");
        options.add("-Xlog:cds+dynamic=off");
        return bootJar(options, extracted, args);
    }

    private void extract(Path jar, Path destination) throws IOException {
        List<String> command = List.of(
                javaExecutable.toString(),
                "-Djarmode=tools",
                "-jar",
                jar.toString(),
                "extract",
                "--destination",
                destination.toString(),
                "--force");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("Extracting " + jar + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while extracting " + jar, e);
        }
    }
}
