package dev.ignis.registry.eventsource;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EventSourceMappingRepository extends JpaRepository<EventSourceMappingEntity, Long> {

    Optional<EventSourceMappingEntity> findByUuid(String uuid);

    Optional<EventSourceMappingEntity> findBySourceKeyAndFunctionArn(String sourceKey, String functionArn);

    List<EventSourceMappingEntity> findByFunctionName(String functionName);

    /** ListEventSourceMappings: every mapping in creation order; the service filters and pages. */
    List<EventSourceMappingEntity> findAllByOrderByIdAsc();
}
