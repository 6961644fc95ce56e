package dev.ignis.eventsource.poller;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceKind;
import dev.ignis.eventsource.catalog.MappingChangeListener;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs one poller per mapping that should run, following the registry view: start on create or
 * enable, a fresh poller on a change of settings, stop on disable or delete, and then report
 * {@code Disabled} or {@code Deleted}. Changes are applied one at a time on its own thread, each
 * to the newest state known for the mapping, so a burst of changes (a view replayed at start)
 * settles on the last one instead of starting and stopping pollers for each.
 */
@Component
public class PollerSupervisor implements MappingChangeListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PollerSupervisor.class);
    private static final String DELETING = "Deleting";

    private record Desired(long sequence, EventSourceMappingSnapshot mapping) {}

    private record Running(EventSourcePoller poller, StatusTracker status) {}

    private final Map<SourceKind, EventSourcePollerFactory> factories = new EnumMap<>(SourceKind.class);
    private final MappingStatusReporter reporter;
    private final Map<String, Desired> desired = new ConcurrentHashMap<>();
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("poller-supervisor").daemon().factory());

    public PollerSupervisor(List<EventSourcePollerFactory> factories, MappingStatusReporter reporter) {
        factories.forEach(f -> this.factories.put(f.kind(), f));
        this.reporter = reporter;
    }

    @Override
    public void onMapping(String mappingArn, long sequence, EventSourceMappingSnapshot mapping) {
        Desired next = new Desired(sequence, mapping);
        Desired applied = desired.merge(mappingArn, next, (old, now) -> old.sequence() >= now.sequence() ? old : now);
        if (applied == next) {
            lifecycle.execute(() -> reconcile(mappingArn));
        }
    }

    /** How many pollers run here now. */
    public int runningPollers() {
        return running.size();
    }

    private void reconcile(String arn) {
        try {
            EventSourceMappingSnapshot mapping = desired.get(arn).mapping();
            Running current = running.get(arn);
            boolean shouldRun = mapping != null && mapping.enabled() && !DELETING.equals(mapping.state());
            if (current != null && (!shouldRun || !sameWork(current.status().mapping(), mapping))) {
                current.poller().stop();
                running.remove(arn);
                current = null;
            }
            if (shouldRun && current == null) {
                start(arn, mapping);
            } else if (current != null) {
                current.status().updated(mapping);
            }
            if (mapping == null) {
                desired.remove(arn);
            } else if (DELETING.equals(mapping.state())) {
                reporter.report(new MappingStatus(mapping.uuid(), mapping.lastModified(), MappingStatus.DELETED, null));
            } else if (!mapping.enabled() && !MappingStatus.DISABLED.equals(mapping.state())) {
                reporter.report(
                        new MappingStatus(mapping.uuid(), mapping.lastModified(), MappingStatus.DISABLED, null));
            }
        } catch (RuntimeException e) {
            log.warn("Applying the change of mapping {} failed: {}", arn, e.toString());
        }
    }

    private void start(String arn, EventSourceMappingSnapshot mapping) {
        StatusTracker status = new StatusTracker(mapping, reporter);
        EventSourcePollerFactory factory = factories.get(mapping.sourceKind());
        if (factory == null) {
            status.problem(ProcessingResults.NO_POLLER);
            return;
        }
        EventSourcePoller poller = factory.create(mapping, status);
        poller.start();
        running.put(arn, new Running(poller, status));
    }

    /** Whether a poller running {@code a} can go on for {@code b}: only state and status differ. */
    static boolean sameWork(EventSourceMappingSnapshot a, EventSourceMappingSnapshot b) {
        return Objects.equals(work(a), work(b));
    }

    private static List<Object> work(EventSourceMappingSnapshot m) {
        return Arrays.asList(
                m.functionArn(),
                m.eventSourceArn(),
                m.kafka(),
                m.batchSize(),
                m.maximumBatchingWindowInSeconds(),
                m.filterPatterns(),
                m.startingPosition(),
                m.startingPositionTimestamp(),
                m.onFailureDestination(),
                m.reportBatchItemFailures(),
                m.bisectBatchOnFunctionError(),
                m.maximumRetryAttempts(),
                m.maximumRecordAgeInSeconds(),
                m.parallelizationFactor(),
                m.maximumConcurrency());
    }

    @Override
    public void destroy() throws InterruptedException {
        lifecycle.shutdown();
        lifecycle.awaitTermination(30, TimeUnit.SECONDS);
        running.values().forEach(r -> r.poller().stop());
        running.clear();
    }
}
