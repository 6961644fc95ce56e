package dev.ignis.registry.runtimemanagement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** PutRuntimeManagementConfig of {@code $LATEST} or one version; no row means {@code Auto}. */
@Entity
@Table(name = "runtime_management_config")
class RuntimeManagementEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "function_name", nullable = false, length = 64)
    String functionName;

    /** {@code $LATEST} or a version number. */
    @Column(nullable = false, length = 128)
    String qualifier;

    @Column(name = "update_runtime_on", nullable = false, length = 16)
    String updateRuntimeOn;

    /** Only with {@code Manual}. */
    @Column(name = "runtime_version_arn", length = 2048)
    String runtimeVersionArn;
}
