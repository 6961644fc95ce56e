package dev.ignis.invocation.sandbox.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The v2 code against a cgroup tree laid out in a temporary directory, as a delegated subtree
 * looks (this machine kind mounts v1, where enforcement is tested for real by SandboxIT).
 */
class CgroupV2Test {

    @TempDir
    Path root;

    private Path delegated(String controllers, String processes) throws Exception {
        Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma misc\n");
        Path own = Files.createDirectories(root.resolve("user.slice/ignis.scope"));
        Files.writeString(own.resolve("cgroup.controllers"), controllers);
        Files.writeString(own.resolve("cgroup.subtree_control"), "");
        Files.writeString(own.resolve("cgroup.procs"), processes);
        return own;
    }

    @Test
    void limitsEachEnvironmentInTheDelegatedSubtreeAfterMovingTheServiceIntoALeaf() throws Exception {
        Path own = delegated("cpu memory pids\n", "4242\n");
        Cgroups cgroups = CgroupV2.detect(root, "/user.slice/ignis.scope", "ignis", 1024);
        assertThat(cgroups).isInstanceOf(CgroupV2.class);
        assertThat(cgroups.limitsMemory()).isTrue();
        assertThat(Files.readString(own.resolve("service/cgroup.procs"))).isEqualTo("4242");
        assertThat(Files.readString(own.resolve("cgroup.subtree_control"))).isEqualTo("+memory +pids +cpu");
        assertThat(Files.readString(own.resolve("ignis/cgroup.subtree_control")))
                .isEqualTo("+memory +pids +cpu");

        CgroupHandle handle = cgroups.create("env1", 128);
        Path env = own.resolve("ignis/env1");
        assertThat(Files.readString(env.resolve("memory.max"))).isEqualTo(Long.toString(128L * 1024 * 1024));
        assertThat(Files.readString(env.resolve("memory.swap.max"))).isEqualTo("0");
        assertThat(Files.readString(env.resolve("pids.max"))).isEqualTo("1024");
        assertThat(Files.readString(env.resolve("cpu.max"))).isEqualTo("7236 100000");
        assertThat(handle.wrap(List.of("/bin/true")))
                .contains(env.resolve("cgroup.procs").toString());

        Files.writeString(env.resolve("memory.peak"), "52428800\n");
        Files.writeString(env.resolve("memory.events"), "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n");
        assertThat(handle.maxMemoryUsedBytes()).hasValue(52_428_800L);
        assertThat(handle.oomKilled()).isTrue();
    }

    @Test
    void cpuFollowsMemoryAsOnLambda() {
        assertThat(CgroupV2.cpuQuotaMicros(1769)).isEqualTo(100_000);
        assertThat(CgroupV2.cpuQuotaMicros(3538)).isEqualTo(200_000);
        assertThat(CgroupV2.cpuQuotaMicros(10240)).isEqualTo(578_858);
        assertThat(CgroupV2.cpuQuotaMicros(1)).isEqualTo(CgroupV2.MIN_CPU_QUOTA_MICROS);
    }

    @Test
    void onlyTheControllersTheSubtreeOffersAreUsed() throws Exception {
        Path own = delegated("memory pids\n", "");
        Cgroups cgroups = CgroupV2.detect(root, "/user.slice/ignis.scope", "ignis", 64);
        cgroups.create("env1", 256);
        assertThat(Files.readString(own.resolve("cgroup.subtree_control"))).isEqualTo("+memory +pids");
        assertThat(own.resolve("ignis/env1/cpu.max")).doesNotExist();
        assertThat(own.resolve("service")).doesNotExist();
        assertThat(cgroups.describe()).contains("cpu.max=false");
    }

    @Test
    void aSubtreeNotDelegatedMeansNoLimitsAndSaysSo() throws Exception {
        Path own = delegated("memory pids\n", "1\n");
        Files.delete(own.resolve("cgroup.subtree_control")); // what a group not delegated to us lacks
        Cgroups cgroups = CgroupV2.detect(root, "/user.slice/ignis.scope", "ignis", 64);
        assertThat(cgroups.limitsMemory()).isFalse();
        assertThat(cgroups.describe()).contains("not limited");
    }

    @Test
    void theServicesOwnGroupComesFromProcSelfCgroup() throws Exception {
        Path file = Files.writeString(root.resolve("cgroup"), "0::/user.slice/ignis.scope\n");
        assertThat(CgroupV2.ownGroup(file)).isEqualTo("/user.slice/ignis.scope");
    }

    @Test
    void aUnifiedHierarchyIsDetectedAsV2() throws Exception {
        Files.writeString(root.resolve("cgroup.controllers"), "memory pids\n");
        assertThat(Cgroups.detect(root, "ignis", 64)).isNotInstanceOf(CgroupV1.class);
    }
}
