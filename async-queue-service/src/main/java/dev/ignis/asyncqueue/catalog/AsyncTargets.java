package dev.ignis.asyncqueue.catalog;

import dev.ignis.asyncqueue.config.AsyncQueueProperties;
import dev.ignis.asyncqueue.worker.AsyncPolicy;
import dev.ignis.asyncqueue.worker.PolicySource;
import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.registry.ConcurrencySnapshot;
import dev.ignis.contracts.registry.EventInvokeConfigSnapshot;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.contracts.registry.RegistryChange;
import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.ResourceType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * This service's view of the registry, fed by the {@code registryView} binding: which functions
 * ({@code $LATEST}, versions and aliases, by ARN) an {@code Event} invoke may target, so that the
 * ingest refuses an unknown function with a 404 before anything is queued; and, for the workers,
 * each function's event invoke config, reserved concurrency and dead-letter queue.
 */
@Component("registryView")
public class AsyncTargets implements Consumer<Message<Object>>, HealthIndicator, PolicySource {

    private static final Set<ResourceType> TARGETS =
            Set.of(ResourceType.FUNCTION, ResourceType.FUNCTION_VERSION, ResourceType.ALIAS);
    private static final TypeReference<RegistryChange<EventInvokeConfigSnapshot>> CONFIG_CHANGE =
            new TypeReference<>() {};
    private static final TypeReference<RegistryChange<ConcurrencySnapshot>> CONCURRENCY_CHANGE =
            new TypeReference<>() {};
    private static final TypeReference<RegistryChange<FunctionSnapshot>> FUNCTION_CHANGE = new TypeReference<>() {};
    private static final String LATEST_SUFFIX = ":$LATEST";

    private final AsyncQueueProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<String> arns = ConcurrentHashMap.newKeySet();
    private final Map<String, EventInvokeConfigSnapshot> configs = new ConcurrentHashMap<>();
    private final Map<String, Integer> reservations = new ConcurrentHashMap<>();
    private final Map<String, String> deadLetters = new ConcurrentHashMap<>();
    private final Map<Integer, Long> nextOffsets = new ConcurrentHashMap<>();
    private volatile ViewPosition position = ViewPosition.EMPTY;
    private volatile boolean caughtUp;

    public AsyncTargets(AsyncQueueProperties properties) {
        this.properties = properties;
    }

    public boolean accepts(FunctionRef ref) {
        return arns.contains(canonical(ref.toArn(properties.region(), properties.accountId())));
    }

    @Override
    public AsyncPolicy policyFor(String functionArn) {
        String arn = canonical(functionArn);
        String unqualified = FunctionRef.parse(arn).toUnqualifiedArn(properties.region(), properties.accountId());
        Optional<EventInvokeConfigSnapshot> config = Optional.ofNullable(configs.get(arn));
        return new AsyncPolicy(
                config.map(EventInvokeConfigSnapshot::maximumRetryAttempts).orElse(AsyncPolicy.DEFAULT_RETRY_ATTEMPTS),
                config.map(EventInvokeConfigSnapshot::maximumEventAgeInSeconds)
                        .map(Duration::ofSeconds)
                        .orElse(AsyncPolicy.DEFAULT_EVENT_AGE),
                config.map(EventInvokeConfigSnapshot::onSuccessDestination).orElse(null),
                config.map(EventInvokeConfigSnapshot::onFailureDestination).orElse(null),
                deadLetters.getOrDefault(arn, deadLetters.get(unqualified)),
                Integer.valueOf(0).equals(reservations.get(unqualified)));
    }

    @Override
    public void accept(Message<Object> message) {
        String key = header(message, KafkaHeaders.RECEIVED_KEY);
        ResourceType type = ResourceType.valueOf(header(message, RegistryChangeHeaders.RESOURCE_TYPE));
        switch (message.getPayload()) {
            case KafkaNull ignored -> remove(type, key);
            case byte[] value -> put(type, key, value);
            case Object value -> put(type, key, value.toString().getBytes(StandardCharsets.UTF_8));
        }
        position = position.next(Long.parseLong(header(message, RegistryChangeHeaders.SEQUENCE)), key);
        if (message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION) instanceof Integer partition
                && message.getHeaders().get(KafkaHeaders.OFFSET) instanceof Long offset) {
            nextOffsets.merge(partition, offset + 1, Math::max);
        }
    }

    /**
     * Whether the view has read the registry topic up to {@code endOffsets} (partition → the offset
     * after its last record, as the topic stood at start-up); once true it stays true.
     */
    public boolean hasReached(Map<Integer, Long> endOffsets) {
        if (!caughtUp) {
            caughtUp = endOffsets.entrySet().stream()
                    .allMatch(e -> nextOffsets.getOrDefault(e.getKey(), 0L) >= e.getValue());
        }
        return caughtUp;
    }

    private void put(ResourceType type, String key, byte[] value) {
        switch (type) {
            case FUNCTION, FUNCTION_VERSION -> {
                arns.add(key);
                String deadLetter =
                        json.readValue(value, FUNCTION_CHANGE).snapshot().deadLetterTargetArn();
                if (deadLetter == null) {
                    deadLetters.remove(key);
                } else {
                    deadLetters.put(key, deadLetter);
                }
            }
            case ALIAS -> arns.add(key);
            case EVENT_INVOKE_CONFIG -> {
                EventInvokeConfigSnapshot config =
                        json.readValue(value, CONFIG_CHANGE).snapshot();
                configs.put(canonical(config.functionArn()), config);
            }
            case CONCURRENCY -> {
                ConcurrencySnapshot reservation =
                        json.readValue(value, CONCURRENCY_CHANGE).snapshot();
                reservations.put(reservation.functionArn(), reservation.reservedConcurrentExecutions());
            }
            default -> {
                // Not needed for asynchronous invocations.
            }
        }
    }

    private void remove(ResourceType type, String key) {
        if (TARGETS.contains(type)) {
            arns.remove(key);
            deadLetters.remove(key);
        }
        String owner = key.substring(0, key.length() - type.keySuffix().length());
        switch (type) {
            case EVENT_INVOKE_CONFIG -> configs.remove(canonical(owner));
            case CONCURRENCY -> reservations.remove(owner);
            default -> {
                // Removed above or not kept.
            }
        }
    }

    /** {@code fn:$LATEST} and {@code fn} name the same thing. */
    private static String canonical(String arn) {
        return arn.endsWith(LATEST_SUFFIX) ? arn.substring(0, arn.length() - LATEST_SUFFIX.length()) : arn;
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

    /**
     * {@code /actuator/health/registryView}: how far this view has read the registry's changes;
     * OUT_OF_SERVICE until it has read what the topic held at start-up, since until then it would
     * refuse functions that exist and miss their destinations.
     */
    @Override
    public Health health() {
        return (caughtUp ? Health.up() : Health.outOfService())
                .withDetails(position())
                .build();
    }
}
