package dev.ignis.invocation.sandbox.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Per-environment resource limits. Contract: {@link #create} makes the groups of one environment
 * with its limits written (memory = MemorySize without swap, processes, CPU in proportion to memory
 * as on Lambda); the runtime joins them before its first instruction through
 * {@link CgroupHandle#wrap}; {@link CgroupHandle#destroy} kills what is left and removes them.
 * {@link #describe} says which limits are in force, for the start-up log and the health endpoint.
 */
public sealed interface Cgroups permits CgroupV1, CgroupV2, Cgroups.None {

    /** Lambda's memory for one full vCPU. */
    int MB_PER_VCPU = 1769;

    boolean limitsMemory();

    String describe();

    CgroupHandle create(String environmentId, int memoryMb) throws IOException;

    /** cgroup v2 when {@code root} is a unified hierarchy, else the v1 controllers under it. */
    static Cgroups detect(Path root, String parent, int maxPids) {
        if (Files.exists(root.resolve("cgroup.controllers"))) {
            return CgroupV2.detect(root, CgroupV2.ownGroup(Path.of("/proc/self/cgroup")), parent, maxPids);
        }
        return CgroupV1.detect(root, parent, maxPids);
    }

    static Cgroups none() {
        return new None();
    }

    /** No cgroup the service may write: no limit is enforced, and the service says so. */
    record None() implements Cgroups {

        @Override
        public boolean limitsMemory() {
            return false;
        }

        @Override
        public String describe() {
            return "none (no writable cgroup): memory, processes and CPU are not limited";
        }

        @Override
        public CgroupHandle create(String environmentId, int memoryMb) {
            return CgroupHandle.none();
        }
    }
}
