package dev.ignis.eventsource.catalog;

import dev.ignis.contracts.arn.LambdaArns;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.contracts.registry.RegistryChange;
import dev.ignis.contracts.registry.RegistryFeed;
import dev.ignis.contracts.registry.RegistryRecord;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.eventsource.config.EventSourceProperties;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The functions event source mappings deliver to: a poller stops once its function is gone. Fed by
 * the {@code registryView} binding through the shared {@link RegistryFeed} rule; a function's
 * {@code $LATEST} is keyed by its unqualified ARN, so the feed's keys are the answer. Every applied
 * event source mapping change goes on to the {@link MappingChangeListener}s (the pollers' supervisor).
 */
@Component("registryView")
public class MappingTargets implements Consumer<Message<Object>>, HealthIndicator {

    private static final TypeReference<RegistryChange<EventSourceMappingSnapshot>> MAPPING_CHANGE =
            new TypeReference<>() {};

    private final EventSourceProperties properties;
    private final List<MappingChangeListener> listeners;
    private final List<RegistryRecordListener> recordListeners;
    private final JsonMapper json = JsonMapper.builder().build();
    private final RegistryFeed feed = new RegistryFeed(new RegistryFeed.Handler() {
        @Override
        public void apply(RegistryRecord record) {
            applied(record);
        }

        @Override
        public void reset() {
            recordListeners.forEach(RegistryRecordListener::onReset);
        }
    });
    /** The next offset to read per partition of the registry topic, for {@link #hasReached}. */
    private final Map<Integer, Long> nextOffsets = new ConcurrentHashMap<>();

    public MappingTargets(EventSourceProperties properties, List<MappingChangeListener> listeners) {
        this(properties, listeners, List.of());
    }

    @Autowired
    public MappingTargets(
            EventSourceProperties properties,
            List<MappingChangeListener> listeners,
            List<RegistryRecordListener> recordListeners) {
        this.properties = properties;
        this.listeners = List.copyOf(listeners);
        this.recordListeners = List.copyOf(recordListeners);
    }

    private void applied(RegistryRecord record) {
        recordListeners.forEach(l -> l.onRecord(record));
        if (record.type() != ResourceType.EVENT_SOURCE_MAPPING) {
            return;
        }
        EventSourceMappingSnapshot mapping = record.value()
                .map(value -> json.readValue(value, MAPPING_CHANGE).snapshot())
                .orElse(null);
        listeners.forEach(l -> l.onMapping(record.key(), record.sequence(), mapping));
    }

    /** True while the function named in a mapping exists. */
    public boolean exists(String functionName) {
        return feed.holds(LambdaArns.function(properties.region(), properties.accountId(), functionName));
    }

    @Override
    public void accept(Message<Object> message) {
        var headers = message.getHeaders();
        feed.offer(RegistryRecord.decode(headers.get(KafkaHeaders.RECEIVED_KEY), headers::get, message.getPayload()));
        if (headers.get(KafkaHeaders.RECEIVED_PARTITION) instanceof Integer partition
                && headers.get(KafkaHeaders.OFFSET) instanceof Long offset) {
            nextOffsets.merge(partition, offset + 1, Math::max);
        }
    }

    /** True once this view has read every partition of the registry topic up to {@code endOffsets}. */
    public boolean hasReached(Map<Integer, Long> endOffsets) {
        return endOffsets.entrySet().stream()
                .allMatch(e -> e.getValue() <= 0 || nextOffsets.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    /** {@code /actuator/health/registryView}: how far this view has read the registry's changes. */
    @Override
    public Health health() {
        return Health.up().withDetails(feed.position().details()).build();
    }
}
