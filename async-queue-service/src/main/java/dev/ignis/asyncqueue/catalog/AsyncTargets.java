package dev.ignis.asyncqueue.catalog;

import dev.ignis.asyncqueue.config.AsyncQueueProperties;
import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.registry.RegistryFeed;
import dev.ignis.contracts.registry.RegistryRecord;
import java.util.function.Consumer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The functions an {@code Event} invocation may target — {@code $LATEST}, versions and aliases, by
 * ARN — so that the ingest refuses an unknown function with a 404 before anything is queued. Fed
 * by the {@code registryView} binding through the shared {@link RegistryFeed} rule; a function, a
 * version and an alias are each keyed by their own ARN, so the feed's keys are the answer and no
 * value needs decoding.
 */
@Component("registryView")
public class AsyncTargets implements Consumer<Message<Object>>, HealthIndicator {

    private final AsyncQueueProperties properties;
    private final RegistryFeed feed = new RegistryFeed(record -> {});

    public AsyncTargets(AsyncQueueProperties properties) {
        this.properties = properties;
    }

    public boolean accepts(FunctionRef ref) {
        return feed.holds(ref.toArn(properties.region(), properties.accountId()));
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
