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
 * Per-environment limits through cgroup v1 controllers, where the service may write them: memory
 * (the function's MemorySize, an OOM kill past it), CPU shares proportional to memory as Lambda
 * does (1,769 MB = one full share of a core), and a pids limit. A child group per environment lives
 * under {@code <hierarchy>/<parent>/}.
 */
public final class Cgroups {

    private static final Logger log = LoggerFactory.getLogger(Cgroups.class);

    /** Lambda's memory for one full vCPU. */
    static final int MB_PER_VCPU = 1769;

    private final Optional<Path> memory;
    private final Optional<Path> cpu;
    private final Optional<Path> pids;
    private final int maxPids;

    private Cgroups(Optional<Path> memory, Optional<Path> cpu, Optional<Path> pids, int maxPids) {
        this.memory = memory;
        this.cpu = cpu;
        this.pids = pids;
        this.maxPids = maxPids;
    }

    /** Finds the writable v1 hierarchies under {@code root} and makes the service's parent group in each. */
    public static Cgroups detect(Path root, String parent, int maxPids) {
        return new Cgroups(
                parentGroup(root.resolve("memory"), parent),
                parentGroup(root.resolve("cpu"), parent),
                parentGroup(root.resolve("pids"), parent),
                maxPids);
    }

    public static Cgroups none() {
        return new Cgroups(Optional.empty(), Optional.empty(), Optional.empty(), 0);
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

    public boolean limitsMemory() {
        return memory.isPresent();
    }

    public String describe() {
        return "memory=" + memory.isPresent() + ", cpu=" + cpu.isPresent() + ", pids=" + pids.isPresent();
    }

    /** Creates the groups of one environment; the process joins them through {@link CgroupHandle#wrap}. */
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
        return new CgroupHandle(groups, memoryGroup);
    }

    /** 1024 shares is one core's weight; at least 2, the kernel's minimum. */
    public static long cpuShares(int memoryMb) {
        return Math.max(2, Math.round(1024.0 * memoryMb / MB_PER_VCPU));
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
