package dev.ignis.registry.code;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where function and layer packages live, addressed by the SHA-256 of their bytes.
 *
 * <p>Contract: {@link #put} is idempotent and atomic — a blob is either absent or complete, and
 * storing the same bytes twice keeps one copy. Blobs are never changed in place. A blob may outlive
 * the function that referenced it (a failed transaction after {@code put}); such orphans are
 * harmless because nothing names them, and a sweeper may remove blobs no resource references.
 */
public interface CodeStore {

    /** Stores {@code bytes} and returns their lower-case hex SHA-256. */
    String put(byte[] bytes);

    /** The blob with this hex SHA-256, if stored. The caller closes the stream. */
    Optional<InputStream> open(String sha256Hex);

    boolean delete(String sha256Hex);
}
