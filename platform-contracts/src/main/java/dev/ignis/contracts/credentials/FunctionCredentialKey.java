package dev.ignis.contracts.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The file both ends read the function-credential key from: 32 random bytes, base64, one line.
 * invocation-service creates it on first start (under the data directory, like the environment
 * key); in a cluster it is a mounted secret.
 */
public final class FunctionCredentialKey {

    private FunctionCredentialKey() {}

    public static byte[] read(Path file) throws IOException {
        return Base64.getDecoder()
                .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    }

    /** Reads the key, creating it first when nobody has (two services racing agree on one). */
    public static byte[] readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".function-key", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                Files.writeString(temp, Base64.getEncoder().encodeToString(key), StandardOpenOption.TRUNCATE_EXISTING);
                Files.createLink(file, temp); // atomic, and refuses to replace a key another service made
            } catch (FileAlreadyExistsException e) {
                // another service won the race: its key is the key
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return read(file);
    }
}
