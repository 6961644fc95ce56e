package dev.ignis.registry.function;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A function's layers as one JSON column, in order; null when it has none. */
@Converter
class AttachedLayersConverter implements AttributeConverter<List<AttachedLayer>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(List<AttachedLayer> layers) {
        return layers == null || layers.isEmpty() ? null : JSON.writeValueAsString(layers);
    }

    @Override
    public List<AttachedLayer> convertToEntityAttribute(String column) {
        return column == null
                ? List.of()
                : List.copyOf(JSON.readValue(column, new TypeReference<List<AttachedLayer>>() {}));
    }
}
