package dev.ignis.registry.concurrency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row every concurrency write locks, so two writes cannot both spend the same unreserved pool. */
@Entity
@Table(name = "account_lock")
class ConcurrencyLockEntity {

    static final String CONCURRENCY = "concurrency";

    @Id
    @Column(name = "lock_name", length = 64)
    String name;
}
