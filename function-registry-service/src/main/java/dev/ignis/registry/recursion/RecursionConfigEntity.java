package dev.ignis.registry.recursion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A function's PutFunctionRecursionConfig; no row means AWS's default, {@code Terminate}. */
@Entity
@Table(name = "function_recursion_config")
class RecursionConfigEntity {

    @Id
    @Column(name = "function_name", length = 64)
    String functionName;

    @Column(name = "recursive_loop", nullable = false, length = 16)
    String recursiveLoop;
}
