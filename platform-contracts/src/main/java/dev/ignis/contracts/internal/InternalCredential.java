package dev.ignis.contracts.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The platform's internal credential: the shared secret every service presents, in header
 * {@value #HEADER}, when it calls another one, and that internal services require of every caller in
 * a cluster ({@code ignis.internal.required=true}), so that a pod in another namespace or a function
 * cannot call them past the gateway. The secret lives in a file ({@code ignis.internal.credential-file},
 * a mounted Kubernetes Secret in a cluster); locally the first service to start creates it.
 *
 * <p>{@link #admits} is the one rule both ends agree on: health ({@code /livez}, {@code /readyz},
 * {@code /actuator/health/**}) is open to probes, everything else needs the credential.
 */
public final class InternalCredential {

    /** The request header carrying the credential between services. */
    public static final String HEADER = "X-Ignis-Internal-Credential";

    /** What an internal service answers a caller without the credential, in AWS's error shape. */
    public static final int REFUSED_STATUS = 403;

    private static final String BEARER = "Bearer ";

    public static final String REFUSED_TYPE = "AccessDeniedException";
    public static final String REFUSED_BODY =
            "{\"Type\":\"User\",\"message\":\"Internal endpoint: call the gateway instead.\"}";

    private final String secret;

    private InternalCredential(String secret) {
        if (secret.isBlank()) {
            throw new IllegalArgumentException("The internal credential is empty");
        }
        this.secret = secret;
    }

    public static InternalCredential of(String secret) {
        return new InternalCredential(secret.strip());
    }

    /**
     * The credential in {@code file}; a new random one written there first when the file does not
     * exist (owner-only permissions, created atomically, so services starting together agree).
     */
    public static InternalCredential loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path temp = Files.createTempFile(
                        file.toAbsolutePath().getParent(),
                        ".internal",
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, HexFormat.of().formatHex(random));
                try {
                    Files.createLink(file, temp); // fails if another service created it first
                } catch (FileAlreadyExistsException raced) {
                    // theirs wins
                } finally {
                    Files.delete(temp);
                }
            }
            return of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the internal credential file " + file, e);
        }
    }

    /** The header value a caller sends. */
    public String headerValue() {
        return secret;
    }

    /**
     * What a request presents as the credential: {@value #HEADER}, or else an {@code Authorization:
     * Bearer} token, the one form a Prometheus scrape config or ServiceMonitor can send from a Secret.
     * Null when it presents neither.
     */
    public static String presented(String header, String authorization) {
        if (header != null) {
            return header;
        }
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }

    /** Whether a request for {@code path} that presented {@code presented} (or null) may proceed. */
    public boolean admits(String path, String presented) {
        return isOpen(path)
                || (presented != null
                        && MessageDigest.isEqual(
                                secret.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8)));
    }

    /** Health, for probes and load balancers; nothing else. */
    public static boolean isOpen(String path) {
        return path.equals("/livez")
                || path.equals("/readyz")
                || path.equals("/actuator/health")
                || path.startsWith("/actuator/health/");
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "InternalCredential[***]";
    }
}
