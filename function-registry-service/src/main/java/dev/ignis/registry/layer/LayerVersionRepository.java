package dev.ignis.registry.layer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LayerVersionRepository extends JpaRepository<LayerVersionEntity, Long> {

    Optional<LayerVersionEntity> findByLayerNameAndVersion(String layerName, long version);

    /** ListLayerVersions: newest first. */
    List<LayerVersionEntity> findByLayerNameOrderByVersionDesc(String layerName);

    /** ListLayers: layers after the marker by name, each newest version first. */
    List<LayerVersionEntity> findByLayerNameGreaterThanOrderByLayerNameAscVersionDesc(String marker);
}
