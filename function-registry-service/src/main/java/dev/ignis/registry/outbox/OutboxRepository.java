package dev.ignis.registry.outbox;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxRepository extends JpaRepository<OutboxEntry, Long> {

    List<OutboxEntry> findAllByOrderByIdAsc(Limit limit);

    Optional<OutboxEntry> findFirstByOrderByIdAsc();
}
