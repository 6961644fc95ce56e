package dev.ignis.registry.outbox;

import dev.ignis.contracts.registry.RegistryChange;
import dev.ignis.contracts.registry.ResourceType;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a change in the caller's transaction, so it is published if and only if the change
 * commits. Every resource service calls this in the same transaction that writes the resource.
 */
@Component
public class ChangeLog {

    private final OutboxRepository outbox;
    private final JsonMapper wireJson;
    private final Clock clock;

    ChangeLog(OutboxRepository outbox, WireJson wireJson, Clock clock) {
        this.outbox = outbox;
        this.wireJson = wireJson.mapper();
        this.clock = clock;
    }

    /** Records the new state of a resource. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> void changed(ResourceType type, String arn, String revisionId, T snapshot) {
        OutboxEntry entry = outbox.saveAndFlush(new OutboxEntry(type.name(), type.keyFor(arn), null, clock.instant()));
        entry.payload(wireJson.writeValueAsString(
                new RegistryChange<>(entry.id(), type, arn, revisionId, entry.createdAt(), snapshot)));
    }

    /** Records that a resource is gone: a tombstone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(ResourceType type, String arn) {
        outbox.save(new OutboxEntry(type.name(), type.keyFor(arn), null, clock.instant()));
    }
}
