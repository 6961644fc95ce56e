package dev.ignis.eventsource.catalog;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.contracts.registry.RegistryChange;
import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.eventsource.config.EventSourceProperties;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The functions event source mappings deliver to, by function name: a poller stops once its
 * function is gone. Fed by the {@code registryView} binding; only {@code $LATEST} records
 * matter here, since a mapping names a function (and its qualifier) by ARN. Event source mapping
 * changes go on to the {@link MappingChangeListener}s (the pollers' supervisor).
 */
@Component("registryView")
public class MappingTargets implements Consumer<Message<Object>>, HealthIndicator {

    private static final TypeReference<RegistryChange<EventSourceMappingSnapshot>> MAPPING_CHANGE =
            new TypeReference<>() {};

    private final String arnPrefix;
    private final List<MappingChangeListener> listeners;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> sequenceByName = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private volatile long lastSequence = -1;
    private volatile String lastKey = "";

    public MappingTargets(EventSourceProperties properties, List<MappingChangeListener> listeners) {
        this.listeners = List.copyOf(listeners);
        this.arnPrefix = "arn:aws:lambda:" + properties.region() + ":" + properties.accountId() + ":function:";
    }

    /** True while the function named in a mapping exists. */
    public boolean exists(String functionName) {
        return sequenceByName.containsKey(functionName);
    }

    @Override
    public void accept(Message<Object> message) {
        var headers = message.getHeaders();
        String key = text(headers.get(KafkaHeaders.RECEIVED_KEY));
        ResourceType type = ResourceType.valueOf(text(headers.get(RegistryChangeHeaders.RESOURCE_TYPE)));
        if (type == ResourceType.EVENT_SOURCE_MAPPING) {
            long sequence = Long.parseLong(text(headers.get(RegistryChangeHeaders.SEQUENCE)));
            EventSourceMappingSnapshot mapping = message.getPayload() instanceof byte[] value
                    ? json.readValue(value, MAPPING_CHANGE).snapshot()
                    : null;
            listeners.forEach(l -> l.onMapping(key, sequence, mapping));
        }
        if (type == ResourceType.FUNCTION && key.startsWith(arnPrefix)) {
            String name = key.substring(arnPrefix.length());
            if (message.getPayload() instanceof KafkaNull) {
                sequenceByName.remove(name);
            } else {
                sequenceByName.put(name, text(headers.get(RegistryChangeHeaders.SEQUENCE)));
            }
        }
        lastSequence = Long.parseLong(text(headers.get(RegistryChangeHeaders.SEQUENCE)));
        lastKey = key;
        changes.incrementAndGet();
    }

    /** The registryView health details. */
    public Map<String, Object> position() {
        return Map.of(
                "changesApplied",
                changes.get(),
                "lastSequence",
                lastSequence,
                "lastKey",
                lastKey,
                "resources",
                sequenceByName.size());
    }

    private static String text(Object header) {
        return header instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(header);
    }

    /** {@code /actuator/health/registryView}: how far this view has read the registry's changes. */
    @Override
    public Health health() {
        return Health.up().withDetails(position()).build();
    }
}
