package dev.ignis.invocation.sandbox.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The cgroups of one environment: joins the process at exec, reads usage, and cleans up. */
public final class CgroupHandle {

    private final List<Path> groups;
    private final Optional<Path> peak;
    private final Optional<Path> events;

    /**
     * @param groups every group the process joins (v1: one per controller; v2: one)
     * @param peak the memory high-water mark file ({@code memory.max_usage_in_bytes}, {@code memory.peak})
     * @param events the file with an {@code oom_kill <n>} line ({@code memory.oom_control}, {@code memory.events})
     */
    CgroupHandle(List<Path> groups, Optional<Path> peak, Optional<Path> events) {
        this.groups = List.copyOf(groups);
        this.peak = peak;
        this.events = events;
    }

    /** No limits: the process runs as it is. */
    static CgroupHandle none() {
        return new CgroupHandle(List.of(), Optional.empty(), Optional.empty());
    }

    /**
     * Prefixes {@code argv} with a shell that moves itself into every group and then execs, so
     * that not one byte is allocated outside the limits.
     */
    public List<String> wrap(List<String> argv) {
        if (groups.isEmpty()) {
            return argv;
        }
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < groups.size(); i++) {
            script.append("echo $$ > \"$").append(i + 1).append("\" && ");
        }
        script.append("shift ").append(groups.size()).append(" && exec \"$@\"");
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", script.toString(), "ignis-cgroup-entry"));
        groups.forEach(group -> wrapped.add(group.resolve("cgroup.procs").toString()));
        wrapped.addAll(argv);
        return wrapped;
    }

    /** The peak memory of the environment so far (Lambda's "Max Memory Used"). */
    public OptionalLong maxMemoryUsedBytes() {
        return peak.map(CgroupHandle::readLong).orElse(OptionalLong.empty());
    }

    /** Whether the kernel's OOM killer struck inside this environment. */
    public boolean oomKilled() {
        return events.map(file -> {
                    try {
                        return Files.readAllLines(file).stream()
                                .anyMatch(line -> line.startsWith("oom_kill ") && !line.endsWith(" 0"));
                    } catch (IOException e) {
                        return false;
                    }
                })
                .orElse(false);
    }

    /** Kills whatever is left in the groups and removes them. */
    public void destroy() {
        for (Path group : groups) {
            try {
                for (String pid : Files.readAllLines(group.resolve("cgroup.procs"))) {
                    ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
                }
            } catch (IOException | NumberFormatException e) {
                // gone already
            }
        }
        for (Path group : groups) {
            for (int attempt = 0; attempt < 50; attempt++) {
                try {
                    Files.deleteIfExists(group);
                    break;
                } catch (IOException e) {
                    sleepBriefly(); // a killed process leaves its group a moment later
                }
            }
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OptionalLong readLong(Path file) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
