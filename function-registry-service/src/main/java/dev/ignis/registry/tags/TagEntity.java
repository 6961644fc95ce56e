package dev.ignis.registry.tags;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One tag of a function. */
@Entity
@Table(name = "function_tag")
@IdClass(TagEntity.Key.class)
class TagEntity {

    @Id
    @Column(name = "function_name", length = 64)
    String functionName;

    @Id
    @Column(name = "tag_key", length = 128)
    String key;

    @Column(name = "tag_value", nullable = false, length = 256)
    String value;

    protected TagEntity() {}

    TagEntity(String functionName, String key, String value) {
        this.functionName = functionName;
        this.key = key;
        this.value = value;
    }

    /** The composite primary key: a function has each tag key once. */
    static final class Key implements Serializable {

        String functionName;
        String key;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(functionName, k.functionName) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(functionName, key);
        }
    }
}
