package dev.ignis.eventsource.poller;

/**
 * Where mapping statuses go: the registry, which publishes them as the mapping's new state.
 * Returns at once; delivery is best effort, and a refused or lost report is superseded by the next.
 */
public interface MappingStatusReporter {

    void report(MappingStatus status);
}
