package dev.ignis.gateway.catalog;

import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.RegistryGenerations;
import dev.ignis.contracts.registry.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The gateway's mirror of registry keys by resource type, fed by the {@code registryView} binding.
 * It drops a change that is not newer than the last one seen for its key (the registry's outbox
 * may publish twice) and hands the rest to the {@link RegistryListener}s, which decode the values
 * they need (function URLs, policies). A change from a newer registry database generation (a reset
 * database, the topic kept) first clears everything, and changes of older generations are ignored
 * ({@link RegistryGenerations}).
 */
@Component("registryView")
public class RegistryMirror implements Consumer<Message<Object>>, HealthIndicator {

    private final Map<ResourceType, Map<String, Long>> sequenceByKey = new EnumMap<>(ResourceType.class);
    private final List<RegistryListener> listeners;
    private final RegistryGenerations generations = new RegistryGenerations();
    private long applied;
    private long lastSequence = -1;
    private String lastKey = "";

    public RegistryMirror(List<RegistryListener> listeners) {
        this.listeners = List.copyOf(listeners);
        for (ResourceType type : ResourceType.values()) {
            sequenceByKey.put(type, new ConcurrentHashMap<>());
        }
    }

    public boolean holds(ResourceType type, String key) {
        Long sequence = sequenceByKey.get(type).get(key);
        return sequence != null && sequence >= 0;
    }

    @Override
    public synchronized void accept(Message<Object> message) {
        String key = headerText(message, KafkaHeaders.RECEIVED_KEY);
        ResourceType type = ResourceType.valueOf(headerText(message, RegistryChangeHeaders.RESOURCE_TYPE));
        long sequence = Long.parseLong(headerText(message, RegistryChangeHeaders.SEQUENCE));
        switch (generations.observe(RegistryGenerations.parse(headerText(message, RegistryChangeHeaders.GENERATION)))) {
            case STALE -> {
                return;
            }
            case RESET -> {
                sequenceByKey.values().forEach(Map::clear);
                listeners.forEach(RegistryListener::onReset);
            }
            case CURRENT -> {}
        }
        Map<String, Long> keys = sequenceByKey.get(type);
        Long seen = keys.get(key);
        applied++;
        lastSequence = sequence;
        lastKey = key;
        if (seen != null && (seen >= 0 ? seen : -seen - 1) >= sequence) {
            return;
        }
        Optional<byte[]> value = value(message.getPayload());
        // A tombstone keeps its sequence, negated (less one), so that a late duplicate cannot revive the key.
        keys.put(key, value.isPresent() ? sequence : -sequence - 1);
        listeners.forEach(listener -> listener.onChange(type, key, value));
    }

    /** The registryView health details. */
    public synchronized Map<String, Object> position() {
        long resources = sequenceByKey.values().stream()
                .flatMap(keys -> keys.values().stream())
                .filter(sequence -> sequence >= 0)
                .count();
        return Map.of(
                "changesApplied",
                applied,
                "generation",
                generations.current(),
                "lastSequence",
                lastSequence,
                "lastKey",
                lastKey,
                "resources",
                resources);
    }

    /** The binder hands over raw bytes; a KafkaNull (or no payload) is a tombstone. */
    private static Optional<byte[]> value(Object payload) {
        return switch (payload) {
            case byte[] bytes -> Optional.of(bytes);
            case String text -> Optional.of(text.getBytes(StandardCharsets.UTF_8));
            default -> Optional.empty();
        };
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
