package dev.ignis.gateway.auth;

import dev.ignis.gateway.auth.AuthProperties.AccessKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The secret of every known access key id, fixed at start-up. */
public final class AccessKeys {

    private final Map<String, String> secretsById;
    private final Function<String, Optional<String>> temporary;

    public AccessKeys(List<AccessKey> keys) {
        this(secretsOf(keys), id -> Optional.empty());
    }

    private AccessKeys(Map<String, String> secretsById, Function<String, Optional<String>> temporary) {
        this.secretsById = secretsById;
        this.temporary = temporary;
    }

    private static Map<String, String> secretsOf(List<AccessKey> keys) {
        Map<String, String> secrets = new HashMap<>();
        for (AccessKey key : keys) {
            secrets.put(key.accessKeyId(), key.secretAccessKey());
        }
        return Map.copyOf(secrets);
    }

    /** Also accepts the temporary keys {@code lookup} knows (functions' own credentials). */
    public AccessKeys withTemporary(Function<String, Optional<String>> lookup) {
        return new AccessKeys(secretsById, lookup);
    }

    /** The key file replaces the configured keys when set: a mounted secret is the only truth. */
    public static AccessKeys from(AuthProperties properties) {
        return properties.keyFile() == null
                ? new AccessKeys(properties.keys())
                : new AccessKeys(readKeyFile(properties.keyFile()));
    }

    public Optional<String> secretOf(String accessKeyId) {
        return Optional.ofNullable(secretsById.get(accessKeyId)).or(() -> temporary.apply(accessKeyId));
    }

    public int size() {
        return secretsById.size();
    }

    /** One {@code access-key-id:secret} per line; blank lines and {@code #} comments are skipped. */
    static List<AccessKey> readKeyFile(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(AccessKeys::parseLine)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the access key file " + file, e);
        }
    }

    private static AccessKey parseLine(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || colon == line.length() - 1) {
            // Never echo the line: it holds a secret.
            throw new IllegalArgumentException("An access key file line is not 'access-key-id:secret'");
        }
        return new AccessKey(
                line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
}
