package dev.ignis.asyncqueue.catalog;

import dev.ignis.asyncqueue.config.AsyncQueueProperties;
import dev.ignis.asyncqueue.worker.AsyncPolicy;
import dev.ignis.asyncqueue.worker.PolicySource;
import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.registry.ConcurrencySnapshot;
import dev.ignis.contracts.registry.EventInvokeConfigSnapshot;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.contracts.registry.RegistryChange;
import dev.ignis.contracts.registry.RegistryFeed;
import dev.ignis.contracts.registry.RegistryRecord;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service's view of the registry, fed by the {@code registryView} binding through the shared
 * {@link RegistryFeed} rule: which functions ({@code $LATEST}, versions and aliases, by ARN) an
 * {@code Event} invoke may target, so that the ingest refuses an unknown function with a 404
 * before anything is queued; and, for the workers, each function's event invoke config, reserved
 * concurrency and dead-letter queue.
 */
@Component("registryView")
public class AsyncTargets implements Consumer<Message<Object>>, HealthIndicator, PolicySource {

    private static final TypeReference<RegistryChange<EventInvokeConfigSnapshot>> CONFIG_CHANGE =
            new TypeReference<>() {};
    private static final TypeReference<RegistryChange<ConcurrencySnapshot>> CONCURRENCY_CHANGE =
            new TypeReference<>() {};
    private static final TypeReference<RegistryChange<FunctionSnapshot>> FUNCTION_CHANGE = new TypeReference<>() {};
    private static final String LATEST_SUFFIX = ":$LATEST";

    private final AsyncQueueProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();
    private final RegistryFeed feed = new RegistryFeed(this::apply);
    private final Map<String, EventInvokeConfigSnapshot> configs = new ConcurrentHashMap<>();
    private final Map<String, Integer> reservations = new ConcurrentHashMap<>();
    private final Map<String, String> deadLetters = new ConcurrentHashMap<>();
    private final Map<Integer, Long> nextOffsets = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;

    public AsyncTargets(AsyncQueueProperties properties) {
        this.properties = properties;
    }

    public boolean accepts(FunctionRef ref) {
        return feed.holds(canonical(ref.toArn(properties.region(), properties.accountId())));
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
        var headers = message.getHeaders();
        feed.offer(RegistryRecord.decode(headers.get(KafkaHeaders.RECEIVED_KEY), headers::get, message.getPayload()));
        if (headers.get(KafkaHeaders.RECEIVED_PARTITION) instanceof Integer partition
                && headers.get(KafkaHeaders.OFFSET) instanceof Long offset) {
            nextOffsets.merge(partition, offset + 1, Math::max);
        }
    }

    /** Keeps what the workers need; a function, version or alias itself is the feed's own key. */
    private void apply(RegistryRecord record) {
        String key = record.key();
        switch (record.type()) {
            case FUNCTION, FUNCTION_VERSION ->
                record.value()
                        .map(v -> json.readValue(v, FUNCTION_CHANGE).snapshot().deadLetterTargetArn())
                        .ifPresentOrElse(dlq -> deadLetters.put(key, dlq), () -> deadLetters.remove(key));
            case EVENT_INVOKE_CONFIG -> {
                String owner = canonical(owner(record));
                record.value()
                        .map(v -> json.readValue(v, CONFIG_CHANGE).snapshot())
                        .ifPresentOrElse(c -> configs.put(owner, c), () -> configs.remove(owner));
            }
            case CONCURRENCY -> {
                String owner = owner(record);
                record.value()
                        .map(v -> json.readValue(v, CONCURRENCY_CHANGE).snapshot())
                        .ifPresentOrElse(
                                r -> reservations.put(owner, r.reservedConcurrentExecutions()),
                                () -> reservations.remove(owner));
            }
            default -> {
                // Not needed for asynchronous invocations.
            }
        }
    }

    /** The ARN a sub-resource belongs to: its key without the type's suffix. */
    private static String owner(RegistryRecord record) {
        String key = record.key();
        return key.substring(0, key.length() - record.type().keySuffix().length());
    }

    /** {@code fn:$LATEST} and {@code fn} name the same thing. */
    private static String canonical(String arn) {
        return arn.endsWith(LATEST_SUFFIX) ? arn.substring(0, arn.length() - LATEST_SUFFIX.length()) : arn;
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

    /**
     * {@code /actuator/health/registryView}: how far this view has read the registry's changes;
     * OUT_OF_SERVICE until it has read what the topic held at start-up, since until then it would
     * refuse functions that exist and miss their destinations.
     */
    @Override
    public Health health() {
        return (caughtUp ? Health.up() : Health.outOfService())
                .withDetails(feed.position().details())
                .build();
    }
}
