package dev.ignis.registry.outbox;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of records that leave the registry on Kafka or the read-through endpoint: the
 * contract records' own (camelCase) field names, unlike the PascalCase of the Lambda API.
 */
@Component
public class WireJson {

    private final JsonMapper mapper = JsonMapper.builder().build();

    public JsonMapper mapper() {
        return mapper;
    }
}
