package dev.ignis.invocation.sandbox.network;

/** The fixed addresses slirp4netns gives every namespace (its defaults, the same in each one). */
public final class SlirpAddresses {

    /** The host's loopback, seen from inside: where the Runtime API and the gateway are reached. */
    public static final String HOST = "10.0.2.2";

    /** The host's loopback over IPv6; never reachable (the doors are IPv4). */
    public static final String HOST_V6 = "fd00::2";

    /** slirp4netns's DNS forwarder. */
    public static final String DNS = "10.0.2.3";

    /** The documented name of {@link #HOST} inside every environment, as {@code host.docker.internal}. */
    public static final String HOST_NAME = "host.ignis.internal";

    private SlirpAddresses() {}
}
