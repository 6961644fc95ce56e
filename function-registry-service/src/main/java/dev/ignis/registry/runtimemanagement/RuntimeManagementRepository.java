package dev.ignis.registry.runtimemanagement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RuntimeManagementRepository extends JpaRepository<RuntimeManagementEntity, Long> {

    Optional<RuntimeManagementEntity> findByFunctionNameAndQualifier(String functionName, String qualifier);

    List<RuntimeManagementEntity> findByFunctionName(String functionName);
}
