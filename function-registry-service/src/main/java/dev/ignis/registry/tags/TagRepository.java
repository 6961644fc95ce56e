package dev.ignis.registry.tags;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TagRepository extends JpaRepository<TagEntity, TagEntity.Key> {

    List<TagEntity> findByFunctionNameOrderByKeyAsc(String functionName);
}
