package dev.ignis.registry.codesigning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which code signing config a function uses; a function uses at most one. */
@Entity
@Table(name = "function_code_signing")
class FunctionCodeSigningEntity {

    @Id
    @Column(name = "function_name", length = 64)
    String functionName;

    @Column(name = "code_signing_config_id", nullable = false, length = 21)
    String configId;
}
