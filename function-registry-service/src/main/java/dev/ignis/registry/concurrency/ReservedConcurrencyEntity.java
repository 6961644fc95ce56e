package dev.ignis.registry.concurrency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A function's reserved concurrency (PutFunctionConcurrency). */
@Entity
@Table(name = "reserved_concurrency")
class ReservedConcurrencyEntity {

    @Id
    @Column(name = "function_name", length = 64)
    String functionName;

    @Column(name = "reserved_executions", nullable = false)
    int reservedExecutions;
}
