package dev.ignis.eventsource.poller;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceKind;

/**
 * Makes the {@link EventSourcePoller}s of one kind of source; a Spring bean per kind, found by the
 * {@link PollerSupervisor}. The factory turns the mapping into the kind's own typed settings and
 * refuses (with {@link IllegalArgumentException}) a mapping it cannot run.
 */
public interface EventSourcePollerFactory {

    SourceKind kind();

    /** A new, not yet started poller for {@code mapping}, reporting through {@code events}. */
    EventSourcePoller create(EventSourceMappingSnapshot mapping, PollerEvents events);
}
