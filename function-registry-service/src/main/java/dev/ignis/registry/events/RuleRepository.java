package dev.ignis.registry.events;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RuleRepository extends JpaRepository<RuleEntity, String> {

    /** ListRules: by name, as AWS lists them. */
    List<RuleEntity> findByNameStartingWithOrderByNameAsc(String prefix);
}
