package dev.ignis.eventsource.kafka;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceKind;
import dev.ignis.eventsource.batch.BatchLimits;
import dev.ignis.eventsource.config.EventSourceProperties;
import dev.ignis.eventsource.invoke.FunctionInvoker;
import dev.ignis.eventsource.invoke.PlacementProperties;
import dev.ignis.eventsource.poller.EventSourcePoller;
import dev.ignis.eventsource.poller.EventSourcePollerFactory;
import dev.ignis.eventsource.poller.PollerEvents;
import dev.ignis.eventsource.poller.PollerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Kafka pollers, for self-managed clusters (and MSK-shaped mappings): settings from the snapshot. */
@Component
class KafkaPollerFactory implements EventSourcePollerFactory {

    private final EventSourceProperties properties;
    private final Duration invokeTimeout;
    private final FunctionInvoker invoker;
    private final MeterRegistry meters;
    private final Clock clock;

    @Autowired
    KafkaPollerFactory(
            EventSourceProperties properties,
            PlacementProperties placement,
            FunctionInvoker invoker,
            MeterRegistry meters) {
        this(properties, placement.invokeTimeout(), invoker, meters);
    }

    KafkaPollerFactory(
            EventSourceProperties properties, Duration invokeTimeout, FunctionInvoker invoker, MeterRegistry meters) {
        this.properties = properties;
        this.invokeTimeout = invokeTimeout;
        this.invoker = invoker;
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    @Override
    public SourceKind kind() {
        return SourceKind.KAFKA;
    }

    @Override
    public EventSourcePoller create(EventSourceMappingSnapshot mapping, PollerEvents events) {
        KafkaSecurity security;
        try {
            security = KafkaSecurity.of(
                    mapping.kafka().sourceAccessConfigurations(),
                    properties.kafka().credentials());
        } catch (IllegalArgumentException e) {
            return new Unrunnable(events, e.getMessage());
        }
        return new KafkaPoller(
                source(mapping, security),
                properties,
                invokeTimeout,
                invoker,
                events,
                new PollerMetrics(meters, mapping.uuid(), mapping.functionArn()),
                clock);
    }

    KafkaSource source(EventSourceMappingSnapshot m, KafkaSecurity security) {
        var kafka = m.kafka();
        Duration window = m.maximumBatchingWindowInSeconds() == null
                ? properties.kafka().defaultBatchingWindow()
                : Duration.ofSeconds(m.maximumBatchingWindowInSeconds());
        boolean msk = m.eventSourceArn() != null;
        return new KafkaSource(
                m.uuid(),
                m.functionArn(),
                msk ? KafkaSource.MSK : KafkaSource.SELF_MANAGED,
                m.eventSourceArn(),
                kafka.bootstrapServers(),
                kafka.topics().getFirst(),
                kafka.consumerGroupId(),
                m.startingPosition() == null
                        ? KafkaSource.StartingPosition.LATEST
                        : KafkaSource.StartingPosition.valueOf(m.startingPosition()),
                m.startingPositionTimestamp(),
                new BatchLimits(m.batchSize(), window, properties.maxPayloadBytes(), 0),
                m.filterPatterns(),
                security);
    }

    /** A mapping whose settings cannot run here: it says why, and never reads. */
    private record Unrunnable(PollerEvents events, String problem) implements EventSourcePoller {

        @Override
        public void start() {
            events.problem(problem);
        }

        @Override
        public void stop() {}
    }
}
