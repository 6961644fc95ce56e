package dev.ignis.registry.serving;

import dev.ignis.registry.outbox.ChangeLog;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Whether the data plane serves the newest committed state of a resource: what a function's
 * {@code State} / {@code LastUpdateStatus} and a provisioned concurrency config's {@code Status}
 * report. A confirmed answer is remembered until a newer change, so a waiter's later polls and
 * every read after them cost one indexed lookup and no call.
 */
@Component
public class ServingStatus {

    /** Where a resource stands in the data plane. */
    public enum Stage {
        /** No replica holds it yet: a function being created. */
        PENDING,
        /** Some replica still serves an older state: an update in progress. */
        UPDATING,
        /** Every replica serves the newest committed state. */
        SERVED
    }

    private final ChangeLog changes;
    private final ServingReplicas replicas;
    private final boolean enabled;
    private final Map<String, Long> confirmed = new ConcurrentHashMap<>();

    ServingStatus(ChangeLog changes, ServingReplicas replicas, ReadYourWritesProperties properties) {
        this.changes = changes;
        this.replicas = replicas;
        this.enabled = properties.enabled();
    }

    /** The stage of the resource recorded under {@code key}. */
    public Stage stage(String key) {
        if (!enabled) {
            return Stage.SERVED;
        }
        OptionalLong latest = changes.latestSequence(key);
        if (latest.isEmpty() || confirmed.getOrDefault(key, -1L) >= latest.getAsLong()) {
            return Stage.SERVED;
        }
        ServingReplicas.Answer answer = replicas.ask(key, latest.getAsLong(), Duration.ZERO);
        if (answer.servedByAll()) {
            confirmed.merge(key, latest.getAsLong(), Math::max);
            return Stage.SERVED;
        }
        return answer.heldByAny() ? Stage.UPDATING : Stage.PENDING;
    }
}
