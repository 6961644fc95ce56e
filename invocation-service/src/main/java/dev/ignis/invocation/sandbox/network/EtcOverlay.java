package dev.ignis.invocation.sandbox.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two files of {@code /etc} an environment sees instead of the host's: {@code hosts} (its own
 * {@code localhost}, and {@code host.ignis.internal} when host access is on) and
 * {@code resolv.conf} (slirp4netns's DNS forwarder: the host's resolver may sit on the host's
 * loopback, which a namespace does not share).
 */
public final class EtcOverlay {

    private EtcOverlay() {}

    /** Writes both files into {@code dir}, readable by the sandbox uid, and returns {@code dir}. */
    public static Path write(Path dir, boolean hostAccess) throws IOException {
        String hosts = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
                + (hostAccess ? SlirpAddresses.HOST + "\t" + SlirpAddresses.HOST_NAME + "\n" : "");
        Files.writeString(dir.resolve("hosts"), hosts);
        Path resolv = dir.resolve("resolv.conf");
        if (Files.isRegularFile(Path.of("/etc/resolv.conf"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.writeString(resolv, "nameserver " + SlirpAddresses.DNS + "\n");
        } else {
            // a symlinked resolv.conf (systemd-resolved) cannot be bound over; leave it to the host's
            Files.deleteIfExists(resolv);
        }
        for (Path file : new Path[] {dir.resolve("hosts"), resolv}) {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(
                        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }
}
