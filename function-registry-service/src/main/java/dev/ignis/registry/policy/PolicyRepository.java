package dev.ignis.registry.policy;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PolicyRepository extends JpaRepository<PolicyEntity, Long> {

    Optional<PolicyEntity> findByFunctionNameAndQualifier(String functionName, String qualifier);

    List<PolicyEntity> findByFunctionName(String functionName);
}
