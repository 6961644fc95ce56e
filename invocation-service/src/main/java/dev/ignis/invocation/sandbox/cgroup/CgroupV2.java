package dev.ignis.invocation.sandbox.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-environment limits on the unified cgroup v2 hierarchy, in the subtree delegated to the
 * service: its own group (root, a systemd unit with {@code Delegate=yes}, or a rootless
 * {@code systemd-run --user --scope -p Delegate=yes}). v2 lets a group with processes have no
 * children with controllers, so the service first moves itself into {@code <own>/service}, then
 * enables the controllers for {@code <own>/<parent>/<environment>}. Each environment gets
 * {@code memory.max} = MemorySize, {@code memory.swap.max} = 0, {@code pids.max}, and
 * {@code cpu.max} in proportion to memory (1,769 MB = one full CPU), as Lambda allots CPU.
 */
public final class CgroupV2 implements Cgroups {

    private static final Logger log = LoggerFactory.getLogger(CgroupV2.class);

    static final long CPU_PERIOD_MICROS = 100_000;

    /** The smallest quota the kernel accepts. */
    static final long MIN_CPU_QUOTA_MICROS = 1_000;

    private static final List<String> WANTED = List.of("memory", "pids", "cpu");

    private final Path parent;
    private final Set<String> controllers;
    private final int maxPids;

    private CgroupV2(Path parent, Set<String> controllers, int maxPids) {
        this.parent = parent;
        this.controllers = Set.copyOf(controllers);
        this.maxPids = maxPids;
    }

    /** The service's own group, from {@code /proc/self/cgroup} ({@code 0::/path}). */
    static String ownGroup(Path procSelfCgroup) {
        try {
            return Files.readAllLines(procSelfCgroup).stream()
                    .filter(line -> line.startsWith("0::"))
                    .map(line -> line.substring(3))
                    .findFirst()
                    .orElse("/");
        } catch (IOException e) {
            return "/";
        }
    }

    /**
     * Prepares the delegated subtree under {@code root + own}; {@link Cgroups#none()} (with the
     * reason logged) where the service may not write it.
     */
    static Cgroups detect(Path root, String own, String parentName, int maxPids) {
        Path base = root.resolve(own.startsWith("/") ? own.substring(1) : own);
        try {
            List<String> available = List.of(
                    Files.readString(base.resolve("cgroup.controllers")).trim().split("\\s+"));
            List<String> enabled = new ArrayList<>(WANTED);
            enabled.retainAll(available);
            if (!Files.isWritable(base.resolve("cgroup.subtree_control")) || enabled.isEmpty()) {
                log.warn("cgroup v2 group {} is not delegated to this service: no limits", base);
                return Cgroups.none();
            }
            leaveForLeaf(base);
            enable(base, enabled);
            Path parent = Files.createDirectories(base.resolve(parentName));
            enable(parent, enabled);
            return new CgroupV2(parent, Set.copyOf(enabled), maxPids);
        } catch (IOException e) {
            log.warn("cgroup v2 under {} unusable ({}): no limits", base, e.toString());
            return Cgroups.none();
        }
    }

    /** Moves the processes of {@code base} into {@code base/service}: v2's no-internal-process rule. */
    private static void leaveForLeaf(Path base) throws IOException {
        List<String> pids = Files.readAllLines(base.resolve("cgroup.procs")).stream()
                .map(String::trim)
                .filter(pid -> !pid.isEmpty())
                .toList();
        if (pids.isEmpty()) {
            return;
        }
        Path leaf = Files.createDirectories(base.resolve("service"));
        for (String pid : pids) {
            Files.writeString(leaf.resolve("cgroup.procs"), pid);
        }
    }

    private static void enable(Path group, List<String> controllers) throws IOException {
        StringBuilder line = new StringBuilder();
        controllers.forEach(name -> line.append('+').append(name).append(' '));
        Files.writeString(
                group.resolve("cgroup.subtree_control"), line.toString().trim());
    }

    @Override
    public boolean limitsMemory() {
        return controllers.contains("memory");
    }

    @Override
    public String describe() {
        return "cgroup v2 " + parent + ": memory.max=" + controllers.contains("memory") + " (no swap), pids.max="
                + controllers.contains("pids") + ", cpu.max=" + controllers.contains("cpu") + " (1,769 MB = 1 CPU)";
    }

    @Override
    public CgroupHandle create(String environmentId, int memoryMb) throws IOException {
        Path group = Files.createDirectories(parent.resolve(environmentId));
        if (controllers.contains("memory")) {
            Files.writeString(group.resolve("memory.max"), Long.toString(memoryMb * 1024L * 1024L));
            Files.writeString(group.resolve("memory.swap.max"), "0");
        }
        if (controllers.contains("pids")) {
            Files.writeString(group.resolve("pids.max"), Integer.toString(maxPids));
        }
        if (controllers.contains("cpu")) {
            Files.writeString(group.resolve("cpu.max"), cpuQuotaMicros(memoryMb) + " " + CPU_PERIOD_MICROS);
        }
        boolean memory = controllers.contains("memory");
        return new CgroupHandle(
                List.of(group),
                memory ? Optional.of(group.resolve("memory.peak")) : Optional.empty(),
                memory ? Optional.of(group.resolve("memory.events")) : Optional.empty());
    }

    /** CPU time per period in proportion to memory: 1,769 MB gets the whole period of one CPU. */
    static long cpuQuotaMicros(int memoryMb) {
        return Math.max(MIN_CPU_QUOTA_MICROS, Math.round((double) CPU_PERIOD_MICROS * memoryMb / MB_PER_VCPU));
    }
}
