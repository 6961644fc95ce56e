package dev.ignis.invocation.catalog;

import dev.ignis.contracts.registry.AliasSnapshot;
import dev.ignis.contracts.registry.ConcurrencySnapshot;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.contracts.registry.ProvisionedConcurrencySnapshot;
import dev.ignis.contracts.registry.RegistryChange;
import dev.ignis.contracts.registry.RegistryFeed;
import dev.ignis.contracts.registry.RegistryRecord;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code registryView} function bound (in config/application.yml) to the registry-changes
 * topic. Every record, and every answer of the registry's read-through, goes through the shared
 * {@link RegistryFeed} rule; what it applies is decoded into the {@link FunctionCatalog}.
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
    private final RegistryFeed feed = new RegistryFeed(this::apply);

    public RegistryView(FunctionCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void accept(Message<Object> message) {
        var headers = message.getHeaders();
        feed.offer(RegistryRecord.decode(headers.get(KafkaHeaders.RECEIVED_KEY), headers::get, message.getPayload()));
    }

    /** Applies a record fetched from the registry's read-through endpoint, under the same rule. */
    void offer(RegistryRecord record) {
        feed.offer(record);
    }

    boolean holds(String key) {
        return feed.holds(key);
    }

    /** Waits until a change to {@code key} at {@code sequence} or later is applied; false on timeout. */
    boolean awaitApplied(String key, long sequence, Duration timeout) throws InterruptedException {
        return feed.awaitApplied(key, sequence, timeout);
    }

    private void apply(RegistryRecord record) {
        if (record.isTombstone()) {
            catalog.remove(record.key());
            return;
        }
        byte[] value = record.value().orElseThrow();
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
                // Seen and counted; this service keeps no other resource types.
            }
        }
    }

    /** {@code /actuator/health/registryView}: how far this view has read the registry's changes. */
    @Override
    public Health health() {
        return Health.up().withDetails(feed.position().details()).build();
    }
}
