package dev.ignis.registry.eventinvoke;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EventInvokeConfigRepository extends JpaRepository<EventInvokeConfigEntity, Long> {

    Optional<EventInvokeConfigEntity> findByFunctionNameAndQualifier(String functionName, String qualifier);

    List<EventInvokeConfigEntity> findByFunctionNameOrderByQualifierAsc(String functionName);
}
