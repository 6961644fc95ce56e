package dev.ignis.launcher.process;

import dev.ignis.launcher.health.HealthProbe;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One component running as a child process, its output appended to its own log file. Stopping
 * asks politely (SIGTERM) and then insists (SIGKILL), descendants included, so no process and no
 * port outlives the stack.
 */
public final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static ChildProcess start(
            String name, List<String> command, Map<String, String> environment, Path workingDir, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * Waits until something accepts connections on {@code host:port} (the server this process runs),
     * and answers false as soon as the process has died or when the time has run out.
     */
    public boolean awaitListening(String host, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                return false;
            }
            if (HealthProbe.isListening(host, port)) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Sends SIGTERM without waiting; pair with {@link #awaitExit} to stop several at once. */
    public void requestStop() {
        terminate(process.toHandle(), Duration.ZERO);
    }

    public void awaitExit(Duration grace) {
        terminate(process.toHandle(), grace);
    }

    /**
     * Stops {@code handle} and its descendants: SIGTERM to all, wait up to {@code grace}, then
     * SIGKILL whatever is left. A zero grace only sends SIGTERM.
     */
    public static void terminate(ProcessHandle handle, Duration grace) {
        List<ProcessHandle> family = java.util.stream.Stream.concat(
                        handle.descendants(), java.util.stream.Stream.of(handle))
                .toList();
        family.forEach(ProcessHandle::destroy);
        if (grace.isZero()) {
            return;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle member : family) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                member.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception timedOutOrInterrupted) {
                member.destroyForcibly();
            }
        }
        for (ProcessHandle member : family) {
            try {
                member.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // A process that survives SIGKILL for 5 s is stuck in the kernel; nothing more to do.
            }
        }
    }
}
