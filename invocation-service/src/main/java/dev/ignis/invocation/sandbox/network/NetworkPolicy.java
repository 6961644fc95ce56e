package dev.ignis.invocation.sandbox.network;

import java.util.List;

/**
 * What one environment's network namespace may reach, besides its own loopback: the inputs of
 * {@link FilterRules}.
 *
 * @param outbound {@code true} for the installation's {@code outbound} mode (the outside network
 *     is reachable), {@code false} for {@code none} (nothing leaves but the two platform doors)
 * @param hostAccess whether the user's own services on this host are reachable at
 *     {@link SlirpAddresses#HOST} (every platform port but the gateway's stays closed there)
 * @param runtimeApiPort the host loopback port of this environment's Runtime API
 * @param gatewayPort the gateway's port on the host loopback, or -1 when the gateway is elsewhere
 * @param platformPorts every other port the platform listens on at this host
 * @param firstRuntimeApiPort first port of every environment's Runtime API range
 * @param lastRuntimeApiPort last port of that range
 * @param hostAddresses this host's own interface addresses (literal IPv4 / IPv6)
 */
public record NetworkPolicy(
        boolean outbound,
        boolean hostAccess,
        int runtimeApiPort,
        int gatewayPort,
        List<Integer> platformPorts,
        int firstRuntimeApiPort,
        int lastRuntimeApiPort,
        List<String> hostAddresses) {

    public NetworkPolicy {
        platformPorts = List.copyOf(platformPorts);
        hostAddresses = List.copyOf(hostAddresses);
    }
}
