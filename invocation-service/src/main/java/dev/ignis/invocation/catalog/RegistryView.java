package dev.ignis.invocation.catalog;

import dev.ignis.contracts.registry.AliasSnapshot;
import dev.ignis.contracts.registry.ConcurrencySnapshot;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.contracts.registry.ProvisionedConcurrencySnapshot;
import dev.ignis.contracts.registry.RegistryChange;
import dev.ignis.contracts.registry.ResourceType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code registryView} function bound (in config/application.yml) to the registry-changes
 * topic. Applies each record to the catalog unless an equal or newer sequence was applied for the
 * same key already (the outbox may publish a change twice).
 */
@Component("registryView")
public class RegistryView implements Consumer<Message<Object>>, HealthIndicator {

    private static final TypeReference<RegistryChange<FunctionSnapshot>> FUNCTION_CHANGE = new TypeReference<>() {};
    private static final TypeReference<RegistryChange<AliasSnapshot>> ALIAS_CHANGE = new TypeReference<>() {};
    private static final TypeReference<RegistryChange<ConcurrencySnapshot>> CONCURRENCY_CHANGE =
            new TypeReference<>() {};
    private static final TypeReference<RegistryChange<ProvisionedConcurrencySnapshot>> PROVISIONED_CHANGE =
            new TypeReference<>() {};

    private final FunctionCatalog catalog;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Long> appliedSequence = new ConcurrentHashMap<>();
    private final AtomicLong changesApplied = new AtomicLong();
    private final AtomicLong lastSequence = new AtomicLong(-1);
    private final AtomicReference<String> lastKey = new AtomicReference<>();

    public RegistryView(FunctionCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void accept(Message<Object> message) {
        offer(RegistryRecord.of(message));
    }

    /** Applies a record fetched from the registry's read-through endpoint, unless already newer. */
    void offer(String key, ResourceType type, long sequence, byte[] value) {
        offer(new RegistryRecord(key, type, sequence, Optional.of(value)));
    }

    private synchronized void offer(RegistryRecord record) {
        Long seen = appliedSequence.get(record.key());
        if (seen == null || seen < record.sequence()) {
            apply(record);
            appliedSequence.put(record.key(), record.sequence());
        }
        changesApplied.incrementAndGet();
        lastSequence.set(record.sequence());
        lastKey.set(record.key());
    }

    private void apply(RegistryRecord record) {
        if (record.value().isEmpty()) {
            catalog.remove(record.key());
            return;
        }
        byte[] value = record.value().get();
        switch (record.type()) {
            case FUNCTION, FUNCTION_VERSION -> {
                RegistryChange<FunctionSnapshot> change = json.readValue(value, FUNCTION_CHANGE);
                catalog.putFunction(change.arn(), change.snapshot());
            }
            case ALIAS -> {
                RegistryChange<AliasSnapshot> change = json.readValue(value, ALIAS_CHANGE);
                catalog.putAlias(change.arn(), change.snapshot());
            }
            case CONCURRENCY ->
                catalog.putReservation(json.readValue(value, CONCURRENCY_CHANGE).snapshot());
            case PROVISIONED_CONCURRENCY ->
                catalog.putProvisioned(json.readValue(value, PROVISIONED_CHANGE).snapshot());
            default -> {
                // Seen and counted; this service keeps no other resource types yet.
            }
        }
    }

    /** Where the view stands, for the {@code registryView} health details. */
    public Map<String, Object> position() {
        String key = lastKey.get();
        return Map.of(
                "changesApplied", changesApplied.get(),
                "lastSequence", lastSequence.get(),
                "lastKey", key == null ? "" : key,
                "resources", catalog.size());
    }

    /** {@code /actuator/health/registryView}: how far this view has read the registry's changes. */
    @Override
    public Health health() {
        return Health.up().withDetails(position()).build();
    }
}
