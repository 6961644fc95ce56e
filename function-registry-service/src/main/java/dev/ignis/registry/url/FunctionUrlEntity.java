package dev.ignis.registry.url;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A function URL as stored; {@code $LATEST} as the qualifier stands for the unqualified function. */
@Entity
@Table(name = "function_url_config")
class FunctionUrlEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "function_name", nullable = false, length = 64)
    String functionName;

    @Column(nullable = false, length = 128)
    String qualifier;

    /** Generated once: the host label stays the same across updates. */
    @Column(name = "url_id", nullable = false, length = 32, updatable = false)
    String urlId;

    @Column(name = "auth_type", nullable = false, length = 16)
    String authType;

    @Column(name = "invoke_mode", nullable = false, length = 16)
    String invokeMode;

    /** The Cors object as JSON, or null. */
    @Column(length = 65536)
    String cors;

    @Column(name = "creation_time", nullable = false, updatable = false)
    Instant creationTime;

    @Column(name = "last_modified", nullable = false)
    Instant lastModified;

    @Version
    long entityVersion;
}
