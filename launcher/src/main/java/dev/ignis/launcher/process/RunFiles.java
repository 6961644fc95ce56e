package dev.ignis.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pid files under {@code <home>/run}: one for the launcher, one per child. They let
 * {@code ignis down} stop a stack from another shell, and clean up after a launcher that was
 * killed without a chance to stop its children.
 *
 * <p>A file holds the pid and the process's start time ({@code <pid> <start-epoch-ms>}). A pid is
 * reused once its process is gone, so a stale file could name a stranger: a process counts as the
 * stack's only while both match. A file without a start time (or a process whose start time the OS
 * does not tell) names no process.
 */
public final class RunFiles {

    private static final String LAUNCHER = "launcher";
    private static final String ENDPOINTS = "endpoints.properties";

    private final Path dir;

    public RunFiles(Path dir) {
        this.dir = dir;
    }

    /**
     * Takes the home's launcher lock, held until the launcher exits (the OS frees it even after a
     * SIGKILL). Empty when another launcher holds it, so two concurrent starts cannot both pass.
     */
    public Optional<FileLock> tryLock() {
        try {
            Files.createDirectories(dir);
            FileChannel channel =
                    FileChannel.open(dir.resolve("launcher.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return Optional.ofNullable(lock);
        } catch (OverlappingFileLockException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The running launcher of this home, if its pid file names a live process. */
    public Optional<ProcessHandle> liveLauncher() {
        return live(LAUNCHER);
    }

    public void recordLauncher(long pid) {
        write(LAUNCHER, pid);
    }

    public void recordChild(String component, long pid) {
        write(component, pid);
    }

    public void forget(String component) {
        try {
            Files.deleteIfExists(dir.resolve(component + ".pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void forgetLauncher() {
        forget(LAUNCHER);
    }

    /** Lets {@code ignis status} find a stack that runs on other ports than the configured ones. */
    public void recordEndpoints(Map<String, String> endpoints) {
        StringBuilder text = new StringBuilder();
        endpoints.forEach((component, address) ->
                text.append(component).append('=').append(address).append('\n'));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(ENDPOINTS), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Component name to address, in start order, as the running launcher recorded them. */
    public Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        Path file = dir.resolve(ENDPOINTS);
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        endpoints.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return endpoints;
    }

    public void forgetEndpoints() {
        try {
            Files.deleteIfExists(dir.resolve(ENDPOINTS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Children recorded by a launcher of this home that are still alive. */
    public List<ProcessHandle> liveChildren() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<ProcessHandle> alive = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".pid") && !name.equals(LAUNCHER + ".pid"))
                    .map(name -> name.substring(0, name.length() - ".pid".length()))
                    .forEach(component -> live(component).ifPresent(alive::add));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return alive;
    }

    /** The live process the component's file names, if it is still the one that was recorded. */
    private Optional<ProcessHandle> live(String component) {
        Path file = dir.resolve(component + ".pid");
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(file).trim().split(" ");
            if (parts.length != 2) {
                return Optional.empty();
            }
            long started = Long.parseLong(parts[1]);
            return ProcessHandle.of(Long.parseLong(parts[0]))
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> startMillis(handle).orElse(-1L) == started);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli);
    }

    private void write(String component, long pid) {
        long started = ProcessHandle.of(pid).flatMap(RunFiles::startMillis).orElse(-1L);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(component + ".pid"), pid + " " + started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
