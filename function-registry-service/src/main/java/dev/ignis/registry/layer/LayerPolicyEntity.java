package dev.ignis.registry.layer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The resource policy of one layer version; its statements are read and written whole, as JSON. */
@Entity
@Table(name = "layer_version_policy")
class LayerPolicyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "layer_name", nullable = false, length = 140)
    String layerName;

    @Column(name = "version_number", nullable = false)
    long version;

    /** {@link LayerStatement}s as JSON, in the order they were added. */
    @Column(nullable = false, length = 1_000_000)
    String statements;

    @Column(name = "revision_id", nullable = false, length = 36)
    String revisionId;

    @Version
    long entityVersion;
}
