package dev.ignis.eventsource.catalog;

import dev.ignis.contracts.arn.LambdaArns;
import dev.ignis.contracts.registry.RegistryFeed;
import dev.ignis.contracts.registry.RegistryRecord;
import dev.ignis.eventsource.config.EventSourceProperties;
import java.util.function.Consumer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The functions event source mappings deliver to: a poller stops once its function is gone. Fed by
 * the {@code registryView} binding through the shared {@link RegistryFeed} rule; a function's
 * {@code $LATEST} is keyed by its unqualified ARN, so the feed's keys are the answer.
 */
@Component("registryView")
public class MappingTargets implements Consumer<Message<Object>>, HealthIndicator {

    private final EventSourceProperties properties;
    private final RegistryFeed feed = new RegistryFeed(record -> {});

    public MappingTargets(EventSourceProperties properties) {
        this.properties = properties;
    }

    /** True while the function named in a mapping exists. */
    public boolean exists(String functionName) {
        return feed.holds(LambdaArns.function(properties.region(), properties.accountId(), functionName));
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
