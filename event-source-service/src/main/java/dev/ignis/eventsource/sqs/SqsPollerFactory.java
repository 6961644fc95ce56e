package dev.ignis.eventsource.sqs;

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
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** SQS pollers, standard and FIFO queues, on any SQS-compatible endpoint: settings from the snapshot. */
@Component
class SqsPollerFactory implements EventSourcePollerFactory {

    private final EventSourceProperties properties;
    private final Duration invokeTimeout;
    private final FunctionInvoker invoker;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    @Autowired
    SqsPollerFactory(
            EventSourceProperties properties,
            PlacementProperties placement,
            FunctionInvoker invoker,
            MeterRegistry meters) {
        this(properties, placement.invokeTimeout(), invoker, meters);
    }

    SqsPollerFactory(
            EventSourceProperties properties, Duration invokeTimeout, FunctionInvoker invoker, MeterRegistry meters) {
        this.properties = properties;
        this.invokeTimeout = invokeTimeout;
        this.invoker = invoker;
        this.meters = meters;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.SQS;
    }

    @Override
    public EventSourcePoller create(EventSourceMappingSnapshot mapping, PollerEvents events) {
        SqsSource source;
        try {
            source = source(mapping);
        } catch (IllegalArgumentException e) {
            return new Unrunnable(events, "PROBLEM: " + e.getMessage());
        }
        return new SqsPoller(
                source,
                properties.sqs(),
                invokeTimeout,
                new SqsQueue(client(source), source.queue()),
                invoker,
                events,
                new PollerMetrics(meters, "sqs", mapping.uuid(), mapping.functionArn()),
                clock);
    }

    SqsSource source(EventSourceMappingSnapshot m) {
        Duration window =
                Duration.ofSeconds(m.maximumBatchingWindowInSeconds() == null ? 0 : m.maximumBatchingWindowInSeconds());
        return new SqsSource(
                m.uuid(),
                m.functionArn(),
                QueueArn.parse(m.eventSourceArn()),
                new BatchLimits(m.batchSize(), window, properties.maxPayloadBytes(), 0),
                m.filterPatterns(),
                m.reportBatchItemFailures(),
                m.maximumConcurrency() == null ? properties.sqs().maxConcurrency() : m.maximumConcurrency());
    }

    /** One client per mapping: the queue's region signs and (without an endpoint) addresses the calls. */
    private SqsClient client(SqsSource source) {
        var settings = properties.sqs();
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(source.queue().region()))
                .httpClientBuilder(ApacheHttpClient.builder()
                        // Every lane holds one connection through its long poll, and deletes while others poll.
                        .maxConnections(source.maximumConcurrency() + 2)
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(settings.waitTime().plusSeconds(10)));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    /** A mapping whose settings cannot run here (the registry refuses such ARNs first): it says why. */
    private record Unrunnable(PollerEvents events, String problem) implements EventSourcePoller {

        @Override
        public void start() {
            events.problem(problem);
        }

        @Override
        public void stop() {}
    }
}
