package dev.ignis.registry.codesigning;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface FunctionCodeSigningRepository extends JpaRepository<FunctionCodeSigningEntity, String> {

    boolean existsByConfigId(String configId);

    /** A page of ListFunctionsByCodeSigningConfig: function names after the marker, in order. */
    List<FunctionCodeSigningEntity> findByConfigIdAndFunctionNameGreaterThanOrderByFunctionNameAsc(
            String configId, String marker, Limit limit);
}
