package dev.ignis.invocation.sandbox.network;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The ports of the platform's own addresses (service URLs, {@code host:port} broker lists). */
public final class PlatformPorts {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private PlatformPorts() {}

    /** Every port named in {@code addresses}: URLs, or comma-separated {@code host:port} lists. */
    public static List<Integer> of(List<String> addresses) {
        List<Integer> ports = new ArrayList<>();
        for (String address : addresses) {
            for (String one : address.split(",")) {
                String trimmed = one.trim();
                if (!trimmed.isEmpty()) {
                    ports.add(port(URI.create(trimmed.contains("://") ? trimmed : "tcp://" + trimmed)));
                }
            }
        }
        return ports;
    }

    public static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return switch (uri.getScheme()) {
            case "https" -> 443;
            case "http" -> 80;
            default -> throw new IllegalArgumentException("No port in " + uri);
        };
    }

    public static boolean isLoopback(String host) {
        return host != null && (LOOPBACK.contains(host) || host.startsWith("127."));
    }
}
