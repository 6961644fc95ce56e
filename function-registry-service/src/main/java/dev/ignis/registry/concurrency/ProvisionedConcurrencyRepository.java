package dev.ignis.registry.concurrency;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProvisionedConcurrencyRepository extends JpaRepository<ProvisionedConcurrencyEntity, Long> {

    Optional<ProvisionedConcurrencyEntity> findByFunctionNameAndQualifier(String functionName, String qualifier);

    List<ProvisionedConcurrencyEntity> findByFunctionNameOrderByQualifierAsc(String functionName);
}
