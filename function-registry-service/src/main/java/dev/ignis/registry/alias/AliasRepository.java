package dev.ignis.registry.alias;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AliasRepository extends JpaRepository<AliasEntity, Long> {

    Optional<AliasEntity> findByFunctionNameAndName(String functionName, String name);

    List<AliasEntity> findByFunctionNameOrderByNameAsc(String functionName);
}
