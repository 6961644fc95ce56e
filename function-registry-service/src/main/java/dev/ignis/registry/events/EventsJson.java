package dev.ignis.registry.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The EventBridge API's JSON: PascalCase members, absent ones left out. Its own mapper, because
 * the JSON 1.1 bodies are read and written here rather than by Spring's converters (which do not
 * speak {@code application/x-amz-json-1.1}).
 */
@Component
class EventsJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    <T> T read(byte[] body, Class<T> type) {
        try {
            return mapper.readValue(body.length == 0 ? "{}".getBytes() : body, type);
        } catch (tools.jackson.core.JacksonException e) {
            throw EventsApiException.serialization();
        }
    }

    byte[] write(Object value) {
        return mapper.writeValueAsBytes(value);
    }
}
