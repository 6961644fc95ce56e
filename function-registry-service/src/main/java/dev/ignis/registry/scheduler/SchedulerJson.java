package dev.ignis.registry.scheduler;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Scheduler API's JSON: PascalCase members, absent ones left out, timestamps as epoch seconds
 * (REST-JSON's default). Its own mapper, as the Lambda API's converters use other names.
 */
@Component
class SchedulerJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    <T> T read(byte[] body, Class<T> type) {
        try {
            return mapper.readValue(body == null || body.length == 0 ? "{}".getBytes() : body, type);
        } catch (JacksonException e) {
            throw SchedulerApiException.validation("Request body is not valid JSON.");
        }
    }

    byte[] write(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    static BigDecimal seconds(Instant instant) {
        return instant == null ? null : BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    static Instant instant(BigDecimal seconds) {
        return seconds == null
                ? null
                : Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }
}
