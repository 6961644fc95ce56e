package dev.ignis.registry.function;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FunctionRepository extends JpaRepository<FunctionEntity, String> {

    /** A page of ListFunctions: names after the marker, in name order. */
    List<FunctionEntity> findByNameGreaterThanOrderByNameAsc(String marker, Limit limit);

    @Query("select coalesce(sum(f.settings.codeSize), 0) from FunctionEntity f")
    long totalCodeSize();
}
