package dev.ignis.eventsource.poller;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import java.util.Objects;

/**
 * One running mapping's {@link PollerEvents}: turns what its poller says into reports, each sent
 * once per configuration ({@code LastModified}) the registry knows.
 */
final class StatusTracker implements PollerEvents {

    private final MappingStatusReporter reporter;
    private EventSourceMappingSnapshot mapping;
    private boolean reading;
    /** A problem reaching the source (not a batch's) is what LastProcessingResult says now. */
    private boolean unreachable;

    private String lastResult;
    private MappingStatus lastSent;

    StatusTracker(EventSourceMappingSnapshot mapping, MappingStatusReporter reporter) {
        this.mapping = mapping;
        this.reporter = reporter;
        this.lastResult = mapping.lastProcessingResult();
    }

    synchronized EventSourceMappingSnapshot mapping() {
        return mapping;
    }

    /** The registry's newest state of the mapping this poller goes on running. */
    synchronized void updated(EventSourceMappingSnapshot newer) {
        mapping = newer;
        lastResult = newer.lastProcessingResult();
        if (reading) {
            reading();
        }
    }

    @Override
    public synchronized void reading() {
        reading = true;
        String result = null;
        if (unreachable) {
            // What kept the poller from its source is gone, and no batch has run since.
            unreachable = false;
            result = ProcessingResults.NO_RECORDS;
            lastResult = result;
        }
        boolean enable = !MappingStatus.ENABLED.equals(mapping.state());
        if (enable || result != null) {
            send(enable ? MappingStatus.ENABLED : null, result);
        }
    }

    @Override
    public synchronized void problem(String lastProcessingResult) {
        reading = false;
        unreachable = true;
        processed(lastProcessingResult);
    }

    @Override
    public synchronized void processed(String lastProcessingResult) {
        if (!Objects.equals(lastResult, lastProcessingResult)) {
            send(null, lastProcessingResult);
            lastResult = lastProcessingResult;
        }
    }

    private void send(String state, String result) {
        MappingStatus status = new MappingStatus(mapping.uuid(), mapping.lastModified(), state, result);
        if (!status.equals(lastSent)) {
            reporter.report(status);
            lastSent = status;
        }
    }
}
