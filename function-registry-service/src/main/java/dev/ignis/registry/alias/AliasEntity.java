package dev.ignis.registry.alias;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An alias as stored; AWS allows at most one additional version, so routing is one column pair. */
@Entity
@Table(name = "function_alias")
class AliasEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "function_name", nullable = false, length = 64)
    String functionName;

    @Column(name = "alias_name", nullable = false, length = 128)
    String name;

    /** {@code $LATEST} or a version number. */
    @Column(name = "function_version", nullable = false, length = 1024)
    String functionVersion;

    @Column(length = 256)
    String description;

    /** The one additional version of weighted routing, or null. */
    @Column(name = "routing_version", length = 16)
    String routingVersion;

    @Column(name = "routing_weight")
    Double routingWeight;

    @Column(name = "revision_id", nullable = false, length = 36)
    String revisionId;

    @Version
    long entityVersion;

    boolean pointsAt(String version) {
        return version.equals(functionVersion) || version.equals(routingVersion);
    }
}
