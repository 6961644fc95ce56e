package dev.ignis.registry.layer;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LayerPolicyRepository extends JpaRepository<LayerPolicyEntity, Long> {

    Optional<LayerPolicyEntity> findByLayerNameAndVersion(String layerName, long version);
}
