package dev.ignis.gateway.catalog;

import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The gateway's mirror of registry keys by resource type: which functions exist (to route by
 * function ARN) and, as they arrive, which function URL configs and policies exist. Fed by the
 * {@code registryView} binding; values are decoded by the features that need them.
 */
@Component("registryView")
public class RegistryMirror implements Consumer<Message<Object>>, HealthIndicator {

    private final Map<ResourceType, Set<String>> keysByType = new EnumMap<>(ResourceType.class);
    private long applied;
    private long lastSequence = -1;
    private String lastKey = "";

    public RegistryMirror() {
        for (ResourceType type : ResourceType.values()) {
            keysByType.put(type, ConcurrentHashMap.newKeySet());
        }
    }

    public boolean holds(ResourceType type, String key) {
        return keysByType.get(type).contains(key);
    }

    @Override
    public synchronized void accept(Message<Object> message) {
        String key = headerText(message, KafkaHeaders.RECEIVED_KEY);
        Set<String> keys =
                keysByType.get(ResourceType.valueOf(headerText(message, RegistryChangeHeaders.RESOURCE_TYPE)));
        if (message.getPayload() instanceof KafkaNull) {
            keys.remove(key);
        } else {
            keys.add(key);
        }
        applied++;
        lastSequence = Long.parseLong(headerText(message, RegistryChangeHeaders.SEQUENCE));
        lastKey = key;
    }

    /** The registryView health details. */
    public synchronized Map<String, Object> position() {
        int resources = keysByType.values().stream().mapToInt(Set::size).sum();
        return Map.of(
                "changesApplied", applied, "lastSequence", lastSequence, "lastKey", lastKey, "resources", resources);
    }

    private static String headerText(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    /** {@code /actuator/health/registryView}: how far this view has read the registry's changes. */
    @Override
    public Health health() {
        return Health.up().withDetails(position()).build();
    }
}
