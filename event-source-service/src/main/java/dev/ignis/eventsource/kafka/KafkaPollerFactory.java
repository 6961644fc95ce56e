package dev.ignis.eventsource.kafka;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceKind;
import dev.ignis.eventsource.batch.BatchLimits;
import dev.ignis.eventsource.config.EventSourceProperties;
import dev.ignis.eventsource.destination.DestinationMetrics;
import dev.ignis.eventsource.destination.SqsClients;
import dev.ignis.eventsource.destination.SqsFailureQueue;
import dev.ignis.eventsource.invoke.FunctionInvoker;
import dev.ignis.eventsource.invoke.PlacementProperties;
import dev.ignis.eventsource.poller.EventSourcePoller;
import dev.ignis.eventsource.poller.EventSourcePollerFactory;
import dev.ignis.eventsource.poller.PollerEvents;
import dev.ignis.eventsource.poller.PollerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Kafka pollers, for self-managed clusters (and MSK-shaped mappings): settings from the snapshot, and
 * the SQS clients of OnFailure queues shared by every Kafka mapping.
 */
@Component
class KafkaPollerFactory implements EventSourcePollerFactory, DisposableBean {

    /** Lambda's cap on retries when MaximumRetryAttempts is infinite and an OnFailure destination is set. */
    static final int RETRIES_WITH_DESTINATION = 10;

    private final EventSourceProperties properties;
    private final Duration invokeTimeout;
    private final FunctionInvoker invoker;
    private final MeterRegistry meters;
    private final Clock clock;
    private final SqsClients sqs;

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
        this.sqs = new SqsClients(properties.kafka().sqsEndpoint());
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
        KafkaSource source = source(mapping, security);
        return new KafkaPoller(
                source,
                properties,
                invokeTimeout,
                invoker,
                events,
                new PollerMetrics(meters, "kafka", mapping.uuid(), mapping.functionArn()),
                new DestinationMetrics(meters, mapping.uuid(), mapping.functionArn()),
                clients -> destination(source, clients),
                clock);
    }

    /** The mapping's OnFailure destination, or null: a topic on the source's cluster, else an SQS queue. */
    private KafkaFailureDestination destination(KafkaSource source, KafkaClients clients) {
        String target = source.onFailureDestination();
        if (target == null) {
            return null;
        }
        var records = new KafkaInvocationRecord(source, new KafkaEventWriter(source));
        if (target.startsWith(KafkaSource.KAFKA_DESTINATION)) {
            return new TopicDestination(
                    target.substring(KafkaSource.KAFKA_DESTINATION.length()),
                    clients::producer,
                    records,
                    properties.kafka().destinationTimeout(),
                    clock);
        }
        return new QueueDestination(
                new SqsFailureQueue(sqs.forRegion(SqsFailureQueue.regionOf(target)), target), records, clock);
    }

    @Override
    public void destroy() {
        sqs.close();
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
                security,
                errorHandling(m),
                m.onFailureDestination());
    }

    /** The error handling controls; unset ones are Lambda's defaults (-1: retry forever, no age limit). */
    static KafkaSource.ErrorHandling errorHandling(EventSourceMappingSnapshot m) {
        int retries = m.maximumRetryAttempts() == null ? -1 : m.maximumRetryAttempts();
        if (retries < 0 && m.onFailureDestination() != null) {
            retries = RETRIES_WITH_DESTINATION;
        }
        Integer age = m.maximumRecordAgeInSeconds();
        return new KafkaSource.ErrorHandling(
                retries,
                age == null || age < 0 ? -1 : age * 1000L,
                Boolean.TRUE.equals(m.bisectBatchOnFunctionError()));
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
