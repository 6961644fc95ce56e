package dev.ignis.registry.layer;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface LayerRepository extends JpaRepository<LayerEntity, String> {

    /** The layer's row held until commit, so two publishes of one layer take different numbers. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from LayerEntity l where l.name = :name")
    Optional<LayerEntity> findForUpdate(String name);
}
