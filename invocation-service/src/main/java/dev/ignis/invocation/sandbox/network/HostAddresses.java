package dev.ignis.invocation.sandbox.network;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** This host's own interface addresses, which a function must not reach through slirp4netns. */
public final class HostAddresses {

    private HostAddresses() {}

    /** Every non-loopback address of every interface, as nft literals (no scope suffix). */
    public static List<String> current() {
        List<String> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    // link-local addresses need an interface scope: not reachable from a namespace
                    if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                        String literal = address.getHostAddress();
                        int scope = literal.indexOf('%');
                        addresses.add(
                                address instanceof Inet6Address && scope >= 0 ? literal.substring(0, scope) : literal);
                    }
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException("Cannot list this host's addresses", e);
        }
        return addresses.stream().distinct().toList();
    }
}
