package dev.ignis.invocation.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.invocation.sandbox.bubblewrap.BubblewrapSandbox;
import dev.ignis.invocation.sandbox.cgroup.Cgroups;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SandboxCommandTest {

    private static final EnvironmentDirs DIRS = new EnvironmentDirs(
            Path.of("/data/code/abc"),
            Optional.of(Path.of("/data/layers/def")),
            Path.of("/data/runtimes"),
            Path.of("/s"));

    private static LaunchSpec spec() {
        return new LaunchSpec(
                "env1",
                List.of("/usr/bin/python3", "/var/runtime/python/bootstrap.py"),
                Map.of(),
                DIRS,
                List.of(Path.of("/opt/node")),
                128,
                512);
    }

    @Test
    void bubblewrapMountsCodeAndLayersReadOnlyWithASizedTmpAndDropsTheUid() {
        List<String> argv = new BubblewrapSandbox("/usr/bin/bwrap", OptionalInt.of(990)).command(spec());
        String line = String.join(" ", argv);
        assertThat(argv.subList(0, 5))
                .containsExactly("setpriv", "--reuid=990", "--regid=990", "--clear-groups", "--inh-caps=-all");
        assertThat(line)
                .contains("--unshare-all --share-net")
                .contains("--die-with-parent")
                .contains("--ro-bind /data/code/abc /var/task")
                .contains("--ro-bind /data/layers/def /opt")
                .contains("--ro-bind /data/runtimes /var/runtime")
                .contains("--ro-bind /opt/node /opt/node")
                .contains("--size 536870912 --tmpfs /tmp")
                .contains("--chdir /var/task -- /usr/bin/python3 /var/runtime/python/bootstrap.py");
        assertThat(line).doesNotContain("/data/invocation").doesNotContain("--bind ");
    }

    @Test
    void cpuSharesFollowMemoryAsLambdasCpuDoes() {
        assertThat(Cgroups.cpuShares(1769)).isEqualTo(1024);
        assertThat(Cgroups.cpuShares(128)).isEqualTo(74);
        assertThat(Cgroups.cpuShares(10240)).isEqualTo(5928);
        assertThat(Cgroups.cpuShares(1)).isEqualTo(2);
    }
}
