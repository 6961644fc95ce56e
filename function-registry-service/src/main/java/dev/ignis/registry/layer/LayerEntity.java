package dev.ignis.registry.layer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A layer name and the highest version number it ever had. The row outlives its versions so that a
 * number is never given twice, even after every version was deleted.
 */
@Entity
@Table(name = "lambda_layer")
class LayerEntity {

    @Id
    @Column(name = "name", length = 140)
    String name;

    @Column(name = "last_version", nullable = false)
    long lastVersion;

    protected LayerEntity() {}

    LayerEntity(String name) {
        this.name = name;
    }
}
