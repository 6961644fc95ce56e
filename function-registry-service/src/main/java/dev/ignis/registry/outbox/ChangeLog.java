package dev.ignis.registry.outbox;

import dev.ignis.contracts.registry.RegistryChange;
import dev.ignis.contracts.registry.ResourceType;
import java.time.Clock;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a change in the caller's transaction, so it is published if and only if the change
 * commits. Every resource service calls this in the same transaction that writes the resource.
 * The newest change per key is also kept for the read-through endpoint.
 */
@Component
public class ChangeLog {

    private final OutboxRepository outbox;
    private final LatestChangeRepository latest;
    private final JsonMapper wireJson;
    private final Clock clock;

    private final OutboxRelay relay;

    ChangeLog(
            OutboxRepository outbox, LatestChangeRepository latest, WireJson wireJson, Clock clock, OutboxRelay relay) {
        this.outbox = outbox;
        this.relay = relay;
        this.latest = latest;
        this.wireJson = wireJson.mapper();
        this.clock = clock;
    }

    /**
     * Records the new state of a resource.
     *
     * @param revisionId the resource's RevisionId, or null for a configuration that has none
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> void changed(ResourceType type, String arn, String revisionId, T snapshot) {
        String key = type.keyFor(arn);
        OutboxEntry entry = outbox.saveAndFlush(new OutboxEntry(type.name(), key, null, clock.instant()));
        String payload = wireJson.writeValueAsString(
                new RegistryChange<>(entry.id(), type, arn, revisionId, entry.createdAt(), snapshot));
        entry.payload(payload);
        LatestChange state = latest.findById(key).orElseGet(() -> new LatestChange(key));
        state.update(type.name(), entry.id(), payload);
        latest.save(state);
        afterCommit(new CommittedChange(type, key, entry.id(), false));
    }

    /** Records that a resource is gone: a tombstone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(ResourceType type, String arn) {
        String key = type.keyFor(arn);
        OutboxEntry entry = outbox.saveAndFlush(new OutboxEntry(type.name(), key, null, clock.instant()));
        latest.deleteById(key);
        afterCommit(new CommittedChange(type, key, entry.id(), true));
    }

    /** The sequence of the newest change recorded under {@code key}, if its resource exists. */
    @Transactional(readOnly = true)
    public OptionalLong latestSequence(String key) {
        return latest.findById(key).map(c -> OptionalLong.of(c.sequence())).orElse(OptionalLong.empty());
    }

    private void afterCommit(CommittedChange change) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                RequestChanges.add(change);
                relay.wake();
            }
        });
    }
}
