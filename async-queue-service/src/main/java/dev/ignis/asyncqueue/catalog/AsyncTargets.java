package dev.ignis.asyncqueue.catalog;

import dev.ignis.asyncqueue.config.AsyncQueueProperties;
import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.ResourceType;
import java.nio.charset.StandardCharsets;
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
 * The functions an {@code Event} invocation may target — {@code $LATEST}, versions and aliases, by
 * ARN — so that the ingest refuses an unknown function with a 404 before anything is queued. Fed
 * by the {@code registryView} binding; the record values are not needed, only their keys.
 */
@Component("registryView")
public class AsyncTargets implements Consumer<Message<Object>>, HealthIndicator {

    private static final Set<ResourceType> TARGETS =
            Set.of(ResourceType.FUNCTION, ResourceType.FUNCTION_VERSION, ResourceType.ALIAS);

    private final AsyncQueueProperties properties;
    private final Set<String> arns = ConcurrentHashMap.newKeySet();
    private volatile ViewPosition position = ViewPosition.EMPTY;

    public AsyncTargets(AsyncQueueProperties properties) {
        this.properties = properties;
    }

    public boolean accepts(FunctionRef ref) {
        return arns.contains(ref.toArn(properties.region(), properties.accountId()));
    }

    @Override
    public void accept(Message<Object> message) {
        String key = header(message, KafkaHeaders.RECEIVED_KEY);
        ResourceType type = ResourceType.valueOf(header(message, RegistryChangeHeaders.RESOURCE_TYPE));
        if (TARGETS.contains(type)) {
            if (message.getPayload() instanceof KafkaNull) {
                arns.remove(key);
            } else {
                arns.add(key);
            }
        }
        position = position.next(Long.parseLong(header(message, RegistryChangeHeaders.SEQUENCE)), key);
    }

    public Map<String, Object> position() {
        return position.details(arns.size());
    }

    private static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    /** How far the view has read, reported as the registryView health details. */
    record ViewPosition(long changesApplied, long lastSequence, String lastKey) {
        static final ViewPosition EMPTY = new ViewPosition(0, -1, "");

        ViewPosition next(long sequence, String key) {
            return new ViewPosition(changesApplied + 1, sequence, key);
        }

        Map<String, Object> details(int resources) {
            return Map.of(
                    "changesApplied", changesApplied,
                    "lastSequence", lastSequence,
                    "lastKey", lastKey,
                    "resources", resources);
        }
    }

    /** {@code /actuator/health/registryView}: how far this view has read the registry's changes. */
    @Override
    public Health health() {
        return Health.up().withDetails(position()).build();
    }
}
