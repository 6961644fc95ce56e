package dev.ignis.gateway.catalog;

import dev.ignis.contracts.registry.RegistryFeed;
import dev.ignis.contracts.registry.RegistryRecord;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The gateway's view of the registry, fed by the {@code registryView} binding: each record goes
 * through the shared {@link RegistryFeed} rule (newer sequence per key wins, tombstones remembered)
 * and what it applies reaches the {@link RegistryListener}s, which decode the values they keep
 * (function URLs, policies).
 */
@Component("registryView")
public class RegistryMirror implements Consumer<Message<Object>>, HealthIndicator {

    private final RegistryFeed feed;

    public RegistryMirror(List<RegistryListener> listeners) {
        List<RegistryListener> all = List.copyOf(listeners);
        this.feed = new RegistryFeed(new RegistryFeed.Handler() {
            @Override
            public void apply(RegistryRecord record) {
                all.forEach(listener -> listener.onChange(record));
            }

            @Override
            public void reset() {
                all.forEach(RegistryListener::onReset);
            }
        });
    }

    /** Whether the resource recorded under {@code key} exists in this view. */
    public boolean holds(String key) {
        return feed.holds(key);
    }

    /** Waits until a change to {@code key} at {@code sequence} or later is applied; false on timeout. */
    public boolean awaitApplied(String key, long sequence, Duration timeout) throws InterruptedException {
        return feed.awaitApplied(key, sequence, timeout);
    }

    @Override
    public void accept(Message<Object> message) {
        var headers = message.getHeaders();
        feed.offer(RegistryRecord.decode(headers.get(KafkaHeaders.RECEIVED_KEY), headers::get, message.getPayload()));
    }

    /** {@code /actuator/health/registryView}: how far this view has read the registry's changes. */
    @Override
    public Health health() {
        return Health.up().withDetails(feed.position().details()).build();
    }
}
