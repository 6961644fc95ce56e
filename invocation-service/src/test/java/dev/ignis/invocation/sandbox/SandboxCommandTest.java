package dev.ignis.invocation.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.invocation.sandbox.bubblewrap.BubblewrapSandbox;
import dev.ignis.invocation.sandbox.cgroup.CgroupV1;
import dev.ignis.invocation.sandbox.network.NamespaceNetwork;
import dev.ignis.invocation.sandbox.network.NetworkPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxCommandTest {

    @TempDir
    static Path scratch;

    private static LaunchSpec spec() {
        return new LaunchSpec(
                "env1",
                List.of("/usr/bin/python3", "/var/runtime/python/bootstrap.py"),
                Map.of(),
                new EnvironmentDirs(
                        Path.of("/data/code/abc"),
                        Optional.of(Path.of("/data/layers/def")),
                        Path.of("/data/runtimes"),
                        scratch),
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
                new NamespaceNetwork(
                        new NamespaceNetwork.Tools("slirp4netns", "/usr/sbin/nft", "/usr/bin/setpriv", true)),
                port -> new NetworkPolicy(true, false, port, 8080, List.of(8081), 20000, 20999, List.of())));
    }

    @Test
    void bubblewrapMountsEverythingReadOnlyButASizedTmpAndDropsTheUid() {
        List<String> argv = sandbox().command(spec());
        String line = String.join(" ", argv);
        assertThat(argv.subList(4, 9))
                .containsExactly("setpriv", "--reuid=990", "--regid=990", "--clear-groups", "--inh-caps=-all");
        assertThat(line)
                .contains("--unshare-all --cap-add CAP_NET_ADMIN --info-fd 3 --block-fd 4")
                .doesNotContain("--share-net")
                .contains("--die-with-parent")
                .contains("--ro-bind /data/code/abc /var/task")
                .contains("--ro-bind /data/layers/def /opt")
                .contains("--ro-bind /data/runtimes /var/runtime")
                .contains("--ro-bind /opt/node /opt/node")
                .contains("--ro-bind /data/network/hosts /etc/hosts")
                .contains("--tmpfs /dev --dev-bind /dev/null /dev/null")
                .contains("--dir /dev/shm --remount-ro /dev")
                .doesNotContain("--dev /dev")
                .contains("--size 536870912 --tmpfs /tmp")
                .contains("--remount-ro / --chdir /var/task -- /bin/sh -c");
        assertThat(argv.subList(argv.size() - 3, argv.size()))
                .containsExactly("/run/ignis/network.nft", "/usr/bin/python3", "/var/runtime/python/bootstrap.py");
        assertThat(line).doesNotContain("/data/invocation").doesNotContain("--bind ");
    }

    @Test
    void theFirstProcessInsideLoadsTheEnvironmentsRulesThenDropsItsOneCapabilityBeforeTheRuntime() throws Exception {
        List<String> argv = sandbox().command(spec());
        String line = String.join(" ", argv);
        assertThat(line)
                .contains("--cap-add CAP_NET_ADMIN")
                .contains("--ro-bind " + scratch.resolve("network.nft") + " /run/ignis/network.nft");
        String loader = argv.get(argv.lastIndexOf("/run/ignis/network.nft") - 1);
        assertThat(loader)
                .startsWith("/usr/sbin/nft -f \"$0\" || ")
                .contains("exit 126")
                .endsWith("exec /usr/bin/setpriv --ambient-caps -all --inh-caps -all -- \"$@\"");
        assertThat(Files.readString(scratch.resolve("network.nft")))
                .contains("10.0.2.2")
                .contains("169.254.0.0/16");
    }

    @Test
    void bubblewrapReportsItsNamespacesIntoTheScratchDirAndWaitsOnStdin() {
        List<String> argv = sandbox().command(spec());
        assertThat(argv.subList(0, 4))
                .containsExactly(
                        "/bin/sh",
                        "-c",
                        "exec \"$@\" 3>\"$0\" 4<&0 </dev/null",
                        scratch.resolve("bwrap-info.json").toString());
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
