package dev.ignis.registry.codesigning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A code signing config as stored; never leaves this package. */
@Entity
@Table(name = "code_signing_config")
class CodeSigningConfigEntity {

    /** {@code csc-} and 17 lower-case hex digits, as AWS makes them. */
    @Id
    @Column(length = 21)
    String id;

    @Column(nullable = false, length = 256)
    String description;

    /** The signing profile version ARNs as a JSON list. */
    @Column(name = "signing_profile_version_arns", nullable = false, length = 65_536)
    String signingProfileVersionArns;

    /** {@code Warn} or {@code Enforce}. */
    @Column(name = "untrusted_artifact_on_deployment", nullable = false, length = 16)
    String untrustedArtifactOnDeployment;

    @Column(name = "last_modified", nullable = false)
    Instant lastModified;

    @Version
    long entityVersion;
}
