package dev.ignis.registry.version;

import dev.ignis.registry.function.FunctionSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A published version: an immutable copy of {@code $LATEST}'s settings; never leaves this package. */
@Entity
@Table(name = "function_version")
class VersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "function_name", nullable = false, length = 64)
    String functionName;

    @Column(name = "version_number", nullable = false)
    int number;

    @Embedded
    FunctionSettings settings;

    /** {@code $LATEST}'s content revision when this was published. */
    @Column(name = "content_revision", nullable = false, length = 36)
    String contentRevision;

    @Column(name = "last_modified", nullable = false)
    Instant lastModified;

    @Column(name = "revision_id", nullable = false, length = 36)
    String revisionId;
}
