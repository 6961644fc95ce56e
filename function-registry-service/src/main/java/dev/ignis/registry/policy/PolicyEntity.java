package dev.ignis.registry.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The resource policy of a function ({@code $LATEST} as the qualifier), a version or an alias. The
 * statements are kept as one JSON list: they are only ever read and written whole.
 */
@Entity
@Table(name = "function_policy")
class PolicyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "function_name", nullable = false, length = 64)
    String functionName;

    @Column(nullable = false, length = 128)
    String qualifier;

    /** {@code PolicySnapshot.Statement}s as JSON, in the order they were added. */
    @Column(nullable = false, length = 1_000_000)
    String statements;

    @Column(name = "revision_id", nullable = false, length = 36)
    String revisionId;

    @Version
    long entityVersion;
}
