package dev.ignis.registry.codesigning;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface CodeSigningConfigRepository extends JpaRepository<CodeSigningConfigEntity, String> {

    /** A page of ListCodeSigningConfigs: ids after the marker, in order. */
    List<CodeSigningConfigEntity> findByIdGreaterThanOrderByIdAsc(String marker, Limit limit);
}
