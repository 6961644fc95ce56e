package dev.ignis.registry.function;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A function's {@code $LATEST} configuration as stored; never leaves this package. */
@Entity
@Table(name = "lambda_function")
class FunctionEntity {

    @Id
    @Column(name = "name", length = 64)
    String name;

    @Column(nullable = false)
    String runtime;

    @Column(nullable = false)
    String handler;

    @Column(nullable = false)
    String role;

    @Column(length = 256)
    String description;

    @Column(name = "memory_size", nullable = false)
    int memorySize;

    @Column(nullable = false)
    int timeout;

    @Column(name = "ephemeral_storage", nullable = false)
    int ephemeralStorage;

    /** The sealed environment (EnvironmentCipher), or null when the function has none. */
    @Column(name = "environment", length = 16_384)
    String environment;

    @Column(name = "code_sha256", nullable = false, length = 64)
    String codeSha256Hex;

    @Column(name = "code_size", nullable = false)
    long codeSize;

    @Column(name = "last_modified", nullable = false)
    Instant lastModified;

    @Column(name = "revision_id", nullable = false, length = 36)
    String revisionId;

    @Version
    long entityVersion;
}
