package dev.ignis.registry.scheduler;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScheduleRepository extends JpaRepository<ScheduleEntity, String> {

    /** ListSchedules: by name. */
    List<ScheduleEntity> findByNameStartingWithOrderByNameAsc(String prefix);
}
