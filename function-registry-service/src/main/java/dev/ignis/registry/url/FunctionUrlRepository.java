package dev.ignis.registry.url;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FunctionUrlRepository extends JpaRepository<FunctionUrlEntity, Long> {

    Optional<FunctionUrlEntity> findByFunctionNameAndQualifier(String functionName, String qualifier);

    List<FunctionUrlEntity> findByFunctionNameOrderByQualifierAsc(String functionName);
}
