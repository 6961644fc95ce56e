package dev.ignis.invocation.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.invocation.sandbox.bubblewrap.BubblewrapSandbox;
import dev.ignis.invocation.sandbox.cgroup.CgroupV1;
import dev.ignis.invocation.sandbox.network.NamespaceNetwork;
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
                512,
                20001);
    }

    private static BubblewrapSandbox sandbox() {
        return new BubblewrapSandbox(new BubblewrapSandbox.Settings(
                "/usr/bin/bwrap",
                OptionalInt.of(990),
                Path.of("/data/network"),
                Map.of("AWS_ENDPOINT_URL_LAMBDA", "http://10.0.2.2:8080"),
                new NamespaceNetwork(new NamespaceNetwork.Tools("slirp4netns", "nsenter", "nft", true)),
                port -> null));
    }

    @Test
    void bubblewrapMountsEverythingReadOnlyButASizedTmpAndDropsTheUid() {
        List<String> argv = sandbox().command(spec());
        String line = String.join(" ", argv);
        assertThat(argv.subList(4, 9))
                .containsExactly("setpriv", "--reuid=990", "--regid=990", "--clear-groups", "--inh-caps=-all");
        assertThat(line)
                .contains("--unshare-all --info-fd 3 --block-fd 4")
                .doesNotContain("--share-net")
                .contains("--die-with-parent")
                .contains("--ro-bind /data/code/abc /var/task")
                .contains("--ro-bind /data/layers/def /opt")
                .contains("--ro-bind /data/runtimes /var/runtime")
                .contains("--ro-bind /opt/node /opt/node")
                .contains("--ro-bind /data/network/hosts /etc/hosts")
                .contains("--dev /dev --remount-ro /dev")
                .contains("--size 536870912 --tmpfs /tmp")
                .contains("--remount-ro / --chdir /var/task -- /usr/bin/python3 /var/runtime/python/bootstrap.py");
        assertThat(line).doesNotContain("/data/invocation").doesNotContain("--bind ");
    }

    @Test
    void bubblewrapReportsItsNamespacesIntoTheScratchDirAndWaitsOnStdin() {
        List<String> argv = sandbox().command(spec());
        assertThat(argv.subList(0, 4))
                .containsExactly("/bin/sh", "-c", "exec \"$@\" 3>\"$0\" 4<&0 </dev/null", "/s/bwrap-info.json");
    }

    @Test
    void functionsReachTheirRuntimeApiAndTheGatewayThroughTheHostsSlirpAddress() {
        assertThat(sandbox().runtimeApiAddress(20001)).isEqualTo("10.0.2.2:20001");
        assertThat(sandbox().environment()).containsEntry("AWS_ENDPOINT_URL_LAMBDA", "http://10.0.2.2:8080");
    }

    @Test
    void cpuSharesFollowMemoryAsLambdasCpuDoes() {
        assertThat(CgroupV1.cpuShares(1769)).isEqualTo(1024);
        assertThat(CgroupV1.cpuShares(128)).isEqualTo(74);
        assertThat(CgroupV1.cpuShares(10240)).isEqualTo(5928);
        assertThat(CgroupV1.cpuShares(1)).isEqualTo(2);
    }
}
