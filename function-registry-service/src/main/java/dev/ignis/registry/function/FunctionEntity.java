package dev.ignis.registry.function;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A function's {@code $LATEST} as stored; never leaves this package. */
@Entity
@Table(name = "lambda_function")
class FunctionEntity {

    @Id
    @Column(name = "name", length = 64)
    String name;

    @Embedded
    FunctionSettings settings = FunctionSettings.empty();

    @Column(name = "last_modified", nullable = false)
    Instant lastModified;

    /** Changes with every change, a publish included: what RevisionId guards compare. */
    @Column(name = "revision_id", nullable = false, length = 36)
    String revisionId;

    /**
     * Changes only when code or configuration change, so PublishVersion can tell that nothing
     * changed since the last version (a publish alone changes {@link #revisionId}, not this).
     */
    @Column(name = "content_revision", nullable = false, length = 36)
    String contentRevision;

    /** The highest version number ever published; numbers are never reused, even after a delete. */
    @Column(name = "last_version", nullable = false)
    int lastVersion;

    @Version
    long entityVersion;

    /** A detached copy that is never saved: what a DryRun answers with. */
    FunctionEntity preview() {
        FunctionEntity copy = new FunctionEntity();
        copy.name = name;
        copy.settings = settings.copy();
        copy.lastModified = lastModified;
        copy.revisionId = revisionId;
        copy.contentRevision = contentRevision;
        copy.lastVersion = lastVersion;
        return copy;
    }
}
