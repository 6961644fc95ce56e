package dev.ignis.invocation.sandbox.network;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The nftables rule set loaded into an environment's network namespace before its runtime runs.
 * The function holds no capability there, so it cannot change them. Order matters: its own
 * loopback, then its own Runtime API and the gateway on the host, then every other host port the
 * platform owns (and every other environment's Runtime API) refused, then the metadata addresses
 * and the host's own interface addresses refused, then the user's host services (when allowed),
 * then the outside network (under {@code outbound}).
 */
public final class FilterRules {

    /** AWS's instance metadata addresses (and the whole IPv4 link-local range around them). */
    static final List<String> METADATA_V4 = List.of("169.254.0.0/16");

    static final List<String> METADATA_V6 = List.of("fd00:ec2::254/128");

    private FilterRules() {}

    public static String render(NetworkPolicy policy) {
        List<String> rules = new ArrayList<>();
        rules.add("oifname \"lo\" accept");
        List<String> doors = new ArrayList<>(List.of(Integer.toString(policy.runtimeApiPort())));
        if (policy.gatewayPort() > 0) {
            doors.add(Integer.toString(policy.gatewayPort()));
        }
        rules.add("ip daddr " + SlirpAddresses.HOST + " tcp dport " + set(doors) + " accept");
        List<String> closed = new ArrayList<>();
        policy.platformPorts().forEach(port -> closed.add(Integer.toString(port)));
        closed.add(policy.firstRuntimeApiPort() + "-" + policy.lastRuntimeApiPort());
        rules.add("ip daddr " + SlirpAddresses.HOST + " tcp dport " + set(closed) + " reject with tcp reset");
        rules.add("ip6 daddr " + SlirpAddresses.HOST_V6 + " reject");
        rules.add("ip daddr " + set(METADATA_V4) + " reject");
        rules.add("ip6 daddr " + set(METADATA_V6) + " reject");
        List<String> v4 = policy.hostAddresses().stream()
                .filter(address -> !address.contains(":"))
                .toList();
        List<String> v6 = policy.hostAddresses().stream()
                .filter(address -> address.contains(":"))
                .toList();
        if (!v4.isEmpty()) {
            rules.add("ip daddr " + set(v4) + " reject");
        }
        if (!v6.isEmpty()) {
            rules.add("ip6 daddr " + set(v6) + " reject");
        }
        rules.add("ip daddr " + SlirpAddresses.HOST + (policy.hostAccess() ? " accept" : " reject"));
        if (!policy.outbound()) {
            rules.add("reject");
        }
        return "table inet ignis {\n  chain out {\n    type filter hook output priority 0; policy accept;\n"
                + rules.stream().map(rule -> "    " + rule + "\n").collect(Collectors.joining())
                + "  }\n}\n";
    }

    private static String set(List<String> items) {
        return "{ " + String.join(", ", items) + " }";
    }
}
