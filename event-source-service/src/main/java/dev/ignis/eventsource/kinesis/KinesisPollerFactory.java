package dev.ignis.eventsource.kinesis;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceKind;
import dev.ignis.eventsource.batch.BatchLimits;
import dev.ignis.eventsource.config.EventSourceProperties;
import dev.ignis.eventsource.destination.SqsFailureQueue;
import dev.ignis.eventsource.filter.RecordFilter;
import dev.ignis.eventsource.invoke.FunctionInvoker;
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

/** Kinesis pollers: settings from the snapshot, the AWS clients shared by every mapping. */
@Component
class KinesisPollerFactory implements EventSourcePollerFactory, DisposableBean {

    /** Lambda's defaults for stream sources. */
    static final int DEFAULT_PARALLELIZATION = 1;

    private final EventSourceProperties properties;
    private final FunctionInvoker invoker;
    private final MeterRegistry meters;
    private final Clock clock;
    private final KinesisClients clients;

    @Autowired
    KinesisPollerFactory(EventSourceProperties properties, FunctionInvoker invoker, MeterRegistry meters) {
        this(properties, invoker, meters, Clock.systemUTC());
    }

    KinesisPollerFactory(EventSourceProperties properties, FunctionInvoker invoker, MeterRegistry meters, Clock clock) {
        this.properties = properties;
        this.invoker = invoker;
        this.meters = meters;
        this.clock = clock;
        this.clients = new KinesisClients(properties);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.KINESIS;
    }

    @Override
    public EventSourcePoller create(EventSourceMappingSnapshot mapping, PollerEvents events) {
        KinesisSource source = source(mapping);
        var settings = properties.kinesis();
        FailureDestination destination = source.onFailureDestination() == null
                ? null
                : new FailureDestination(
                        new SqsFailureQueue(
                                clients.sqs(SqsFailureQueue.regionOf(source.onFailureDestination())),
                                source.onFailureDestination()),
                        source,
                        clock);
        ShardReader.Context context = new ShardReader.Context(
                source,
                settings,
                clients.kinesis(source.region()),
                new KinesisEventWriter(
                        source.streamArn(),
                        source.region(),
                        "arn:aws:iam::" + properties.accountId() + ":role/ignis-event-source-mapping"),
                RecordFilter.of(source.filterPatterns()),
                null,
                destination,
                invoker,
                null,
                events,
                new PollerMetrics(meters, "kinesis", mapping.uuid(), mapping.functionArn()),
                new IteratorAge(meters, mapping.uuid(), mapping.functionArn()),
                new RecordExpiry(source.maximumRecordAge()),
                clock);
        return new KinesisPoller(context, settings.checkpoints());
    }

    KinesisSource source(EventSourceMappingSnapshot m) {
        // arn:aws:kinesis:<region>:<account>:stream/<name>
        String[] arn = m.eventSourceArn().split(":", 6);
        if (arn.length < 6 || !arn[5].startsWith("stream/")) {
            throw new IllegalArgumentException("Not a Kinesis stream ARN: " + m.eventSourceArn());
        }
        int window = m.maximumBatchingWindowInSeconds() == null ? 0 : m.maximumBatchingWindowInSeconds();
        Integer maxAge = m.maximumRecordAgeInSeconds();
        return new KinesisSource(
                m.uuid(),
                m.functionArn(),
                m.eventSourceArn(),
                arn[5].substring("stream/".length()),
                arn[3],
                m.startingPosition() == null
                        ? KinesisSource.StartingPosition.LATEST
                        : KinesisSource.StartingPosition.valueOf(m.startingPosition()),
                m.startingPositionTimestamp(),
                new BatchLimits(
                        m.batchSize(),
                        Duration.ofSeconds(window),
                        properties.maxPayloadBytes(),
                        KinesisEventWriter.envelopeBytes()),
                m.filterPatterns(),
                m.parallelizationFactor() == null ? DEFAULT_PARALLELIZATION : m.parallelizationFactor(),
                Boolean.TRUE.equals(m.bisectBatchOnFunctionError()),
                m.maximumRetryAttempts() == null ? -1 : m.maximumRetryAttempts(),
                maxAge == null || maxAge < 0 ? null : Duration.ofSeconds(maxAge),
                m.reportBatchItemFailures(),
                m.onFailureDestination());
    }

    @Override
    public void destroy() {
        clients.close();
    }
}
