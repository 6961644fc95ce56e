package dev.ignis.registry.version;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface VersionRepository extends JpaRepository<VersionEntity, Long> {

    Optional<VersionEntity> findByFunctionNameAndNumber(String functionName, int number);

    /** A page of ListVersionsByFunction: numbers after the marker, in order. */
    List<VersionEntity> findByFunctionNameAndNumberGreaterThanOrderByNumberAsc(
            String functionName, int after, Limit limit);

    List<VersionEntity> findByFunctionName(String functionName);

    @Query("select coalesce(sum(v.settings.codeSize), 0) from VersionEntity v")
    long totalCodeSize();
}
