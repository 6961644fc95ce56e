package dev.ignis.asyncqueue.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.event.EventListener;

/**
 * Starts the workers only once the registry view has read everything the registry topic held
 * when this replica started: an event handled before that could miss its function's
 * destinations, retry settings or dead-letter queue. The workers' binding has
 * {@code auto-startup: false} for this.
 */
public final class WorkerGate {

    private static final Logger log = LoggerFactory.getLogger(WorkerGate.class);
    private static final Duration POLL = Duration.ofMillis(50);

    private final AsyncTargets view;
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final String registryTopic;
    private final List<String> workerBindings;
    private final BindingsLifecycleController bindings;

    public WorkerGate(
            AsyncTargets view,
            Supplier<Consumer<byte[], byte[]>> consumers,
            String registryTopic,
            List<String> workerBindings,
            BindingsLifecycleController bindings) {
        this.view = view;
        this.consumers = consumers;
        this.registryTopic = registryTopic;
        this.workerBindings = List.copyOf(workerBindings);
        this.bindings = bindings;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void openWhenCaughtUp() {
        // A binding the configuration never defined (a spring.cloud.function.definition overridden
        // without the workers) would make start() a silent no-op: events queued, never run.
        List<String> undefined = workerBindings.stream()
                .filter(name -> bindings.queryState(name).isEmpty())
                .toList();
        if (!undefined.isEmpty()) {
            throw new IllegalStateException("The workers' bindings " + undefined
                    + " are not defined: check spring.cloud.function.definition in the configuration");
        }
        Thread.ofVirtual().name("worker-gate").start(this::awaitThenStart);
    }

    private void awaitThenStart() {
        try {
            Map<Integer, Long> end = endOffsets();
            while (!view.hasReached(end)) {
                Thread.sleep(POLL);
            }
            workerBindings.forEach(bindings::start);
            log.info("Registry view caught up ({}); workers started", end);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The registry topic's end offsets, asked again until the broker answers. */
    private Map<Integer, Long> endOffsets() throws InterruptedException {
        while (true) {
            try (Consumer<byte[], byte[]> consumer = consumers.get()) {
                List<TopicPartition> partitions = consumer.partitionsFor(registryTopic, Duration.ofSeconds(5)).stream()
                        .map(PartitionInfo::partition)
                        .map(p -> new TopicPartition(registryTopic, p))
                        .toList();
                return consumer.endOffsets(partitions, Duration.ofSeconds(5)).entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue));
            } catch (RuntimeException e) {
                log.warn("Cannot read the end of {} yet: {}", registryTopic, e.toString());
                Thread.sleep(Duration.ofSeconds(1));
            }
        }
    }
}
