package dev.ignis.eventsource.schedule;

import dev.ignis.eventsource.catalog.MappingTargets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * True once the registry view has read everything the registry topic held when it was first
 * asked: a replica that fired before that could take a rule for missing, or a function's
 * permission for absent, and lose a fire.
 */
final class RegistryCatchUp implements BooleanSupplier {

    private static final Logger log = LoggerFactory.getLogger(RegistryCatchUp.class);
    private static final Duration ASK = Duration.ofSeconds(5);

    private final MappingTargets view;
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final String registryTopic;
    private Map<Integer, Long> end;
    private volatile boolean caughtUp;

    RegistryCatchUp(MappingTargets view, Supplier<Consumer<byte[], byte[]>> consumers, String registryTopic) {
        this.view = view;
        this.consumers = consumers;
        this.registryTopic = registryTopic;
    }

    @Override
    public boolean getAsBoolean() {
        if (caughtUp) {
            return true;
        }
        if (end == null) {
            try {
                end = endOffsets();
            } catch (RuntimeException e) {
                log.warn("Cannot read the end of {} yet ({}); schedules wait", registryTopic, e.toString());
                return false;
            }
        }
        caughtUp = view.hasReached(end);
        return caughtUp;
    }

    private Map<Integer, Long> endOffsets() {
        try (Consumer<byte[], byte[]> consumer = consumers.get()) {
            List<TopicPartition> partitions = consumer.partitionsFor(registryTopic, ASK).stream()
                    .map(PartitionInfo::partition)
                    .map(p -> new TopicPartition(registryTopic, p))
                    .toList();
            Map<Integer, Long> offsets = new HashMap<>();
            consumer.endOffsets(partitions, ASK).forEach((tp, offset) -> offsets.put(tp.partition(), offset));
            return offsets;
        }
    }
}
