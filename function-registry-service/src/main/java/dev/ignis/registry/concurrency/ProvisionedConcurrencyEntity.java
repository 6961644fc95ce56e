package dev.ignis.registry.concurrency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Provisioned concurrency of one version or alias. */
@Entity
@Table(name = "provisioned_concurrency")
class ProvisionedConcurrencyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "function_name", nullable = false, length = 64)
    String functionName;

    /** A version number or an alias name, never {@code $LATEST}. */
    @Column(nullable = false, length = 128)
    String qualifier;

    @Column(name = "requested_executions", nullable = false)
    int requestedExecutions;

    @Column(name = "last_modified", nullable = false)
    Instant lastModified;
}
