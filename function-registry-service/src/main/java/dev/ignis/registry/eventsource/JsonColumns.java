package dev.ignis.registry.eventsource;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot.Kafka;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The list-valued settings of a mapping, each as one JSON column. */
final class JsonColumns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonColumns() {}

    /** Filter patterns; null when there are none. */
    @Converter
    static final class StringListConverter implements AttributeConverter<List<String>, String> {

        @Override
        public String convertToDatabaseColumn(List<String> values) {
            return values == null || values.isEmpty() ? null : JSON.writeValueAsString(values);
        }

        @Override
        public List<String> convertToEntityAttribute(String column) {
            return column == null
                    ? List.of()
                    : List.copyOf(JSON.readValue(column, new TypeReference<List<String>>() {}));
        }
    }

    /** A self-managed Kafka source; null for SQS and Kinesis. */
    @Converter
    static final class KafkaConverter implements AttributeConverter<Kafka, String> {

        @Override
        public String convertToDatabaseColumn(Kafka kafka) {
            return kafka == null ? null : JSON.writeValueAsString(kafka);
        }

        @Override
        public Kafka convertToEntityAttribute(String column) {
            return column == null ? null : JSON.readValue(column, Kafka.class);
        }
    }
}
