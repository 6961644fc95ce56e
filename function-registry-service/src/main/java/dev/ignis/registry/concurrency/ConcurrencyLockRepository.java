package dev.ignis.registry.concurrency;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ConcurrencyLockRepository extends JpaRepository<ConcurrencyLockEntity, String> {

    /** {@code SELECT ... FOR UPDATE} on the account's lock row: held until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from ConcurrencyLockEntity l where l.name = :name")
    Optional<ConcurrencyLockEntity> lock(String name);
}
