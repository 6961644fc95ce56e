package dev.ignis.invocation.sandbox.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-environment limits through cgroup v1 controllers (kept for hosts that still mount v1), where the service may write them: memory
 * (the function's MemorySize, an OOM kill past it), CPU shares proportional to memory as Lambda
 * does (1,769 MB = one full share of a core), and a pids limit. A child group per environment lives
 * under {@code <hierarchy>/<parent>/}.
 */
public final class CgroupV1 implements Cgroups {

    private static final Logger log = LoggerFactory.getLogger(CgroupV1.class);

    private final Optional<Path> memory;
    private final Optional<Path> cpu;
    private final Optional<Path> pids;
    private final int maxPids;

    private CgroupV1(Optional<Path> memory, Optional<Path> cpu, Optional<Path> pids, int maxPids) {
        this.memory = memory;
        this.cpu = cpu;
        this.pids = pids;
        this.maxPids = maxPids;
    }

    /** Finds the writable v1 hierarchies under {@code root} and makes the service's parent group in each. */
    static CgroupV1 detect(Path root, String parent, int maxPids) {
        return new CgroupV1(
                parentGroup(root.resolve("memory"), parent),
                parentGroup(root.resolve("cpu"), parent),
                parentGroup(root.resolve("pids"), parent),
                maxPids);
    }

    private static Optional<Path> parentGroup(Path hierarchy, String parent) {
        if (!Files.isDirectory(hierarchy) || !Files.isWritable(hierarchy)) {
            return Optional.empty();
        }
        try {
            Path group = Files.createDirectories(hierarchy.resolve(parent));
            return Files.isWritable(group.resolve("cgroup.procs")) ? Optional.of(group) : Optional.empty();
        } catch (IOException e) {
            log.debug("No cgroup under {}: {}", hierarchy, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public boolean limitsMemory() {
        return memory.isPresent();
    }

    @Override
    public String describe() {
        return "cgroup v1: memory=" + memory.isPresent() + ", cpu shares=" + cpu.isPresent() + ", pids="
                + pids.isPresent();
    }

    @Override
    public CgroupHandle create(String environmentId, int memoryMb) throws IOException {
        List<Path> groups = new ArrayList<>();
        Optional<Path> memoryGroup = Optional.empty();
        if (memory.isPresent()) {
            Path group = Files.createDirectories(memory.get().resolve(environmentId));
            long bytes = memoryMb * 1024L * 1024L;
            Files.writeString(group.resolve("memory.limit_in_bytes"), Long.toString(bytes));
            writeIfPresent(group.resolve("memory.memsw.limit_in_bytes"), Long.toString(bytes));
            groups.add(group);
            memoryGroup = Optional.of(group);
        }
        if (cpu.isPresent()) {
            Path group = Files.createDirectories(cpu.get().resolve(environmentId));
            Files.writeString(group.resolve("cpu.shares"), Long.toString(cpuShares(memoryMb)));
            groups.add(group);
        }
        if (pids.isPresent()) {
            Path group = Files.createDirectories(pids.get().resolve(environmentId));
            Files.writeString(group.resolve("pids.max"), Integer.toString(maxPids));
            groups.add(group);
        }
        return new CgroupHandle(
                groups,
                memoryGroup.map(group -> group.resolve("memory.max_usage_in_bytes")),
                memoryGroup.map(group -> group.resolve("memory.oom_control")));
    }

    /** 1024 shares is one core's weight; at least 2, the kernel's minimum. */
    public static long cpuShares(int memoryMb) {
        return Math.max(2, Math.round(1024.0 * memoryMb / Cgroups.MB_PER_VCPU));
    }

    private static void writeIfPresent(Path file, String value) {
        if (Files.exists(file)) {
            try {
                Files.writeString(file, value);
            } catch (IOException e) {
                log.debug("Cannot set {}: {}", file, e.toString()); // swap accounting may be off
            }
        }
    }
}
