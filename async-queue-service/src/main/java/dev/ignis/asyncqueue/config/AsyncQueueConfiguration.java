package dev.ignis.asyncqueue.config;

import dev.ignis.asyncqueue.catalog.AsyncTargets;
import dev.ignis.asyncqueue.catalog.WorkerGate;
import dev.ignis.asyncqueue.destination.Channel;
import dev.ignis.asyncqueue.destination.Deliveries;
import dev.ignis.asyncqueue.destination.KafkaChannel;
import dev.ignis.asyncqueue.destination.LambdaChannel;
import dev.ignis.asyncqueue.destination.SnsHttpChannel;
import dev.ignis.asyncqueue.destination.SqsChannel;
import dev.ignis.asyncqueue.ingest.EventIngest;
import dev.ignis.asyncqueue.ingest.EventPayloads;
import dev.ignis.asyncqueue.invoke.FunctionInvoker;
import dev.ignis.asyncqueue.invoke.InvocationClient;
import dev.ignis.asyncqueue.invoke.PlacedInvoker;
import dev.ignis.asyncqueue.metrics.AsyncMetrics;
import dev.ignis.asyncqueue.queue.DelayLine;
import dev.ignis.asyncqueue.queue.EventQueue;
import dev.ignis.asyncqueue.worker.AsyncWorker;
import dev.ignis.asyncqueue.worker.DelayTiers;
import dev.ignis.asyncqueue.worker.EventHandler;
import dev.ignis.asyncqueue.worker.PolicySource;
import dev.ignis.asyncqueue.worker.RetryPolicy;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** Wires the ingest, the queue, the workers and the destinations from {@link AsyncQueueProperties}. */
@Configuration(proxyBeanMethods = false)
class AsyncQueueConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    KafkaProducer<String, byte[]> eventProducer(KafkaProperties kafka) {
        // acks=all and idempotence come from config/application.yml (spring.kafka.producer).
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "async-queue");
        // A broker that is away fails the call in seconds instead of holding the caller for a minute.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    EventQueue eventQueue(KafkaProducer<String, byte[]> eventProducer, AsyncQueueProperties properties) {
        return new EventQueue(eventProducer, properties.queueTopic());
    }

    @Bean
    EventIngest eventIngest(
            AsyncTargets targets, EventQueue queue, AsyncMetrics metrics, Clock clock, AsyncQueueProperties p) {
        return new EventIngest(targets, queue, metrics, clock, p.region(), p.accountId());
    }

    @Bean
    EventPayloads eventPayloads(AsyncQueueProperties properties) {
        return new EventPayloads(properties.maxPayloadBytes());
    }

    @Bean
    HttpClient httpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    @Bean
    FunctionInvoker functionInvoker(InvocationClient client) {
        return new PlacedInvoker(client);
    }

    @Bean(destroyMethod = "close")
    SqsClient sqsClient(AsyncQueueProperties properties) {
        SqsClientBuilder builder = SqsClient.builder().region(Region.of(properties.region()));
        if (properties.destinations().sqsEndpoint() != null) {
            builder.endpointOverride(properties.destinations().sqsEndpoint());
        }
        return builder.build();
    }

    @Bean
    Deliveries deliveries(
            EventQueue queue,
            SqsClient sqs,
            HttpClient http,
            AsyncMetrics metrics,
            Clock clock,
            AsyncQueueProperties p) {
        List<Channel> channels = List.of(
                new SqsChannel(sqs),
                new SnsHttpChannel(http, p.destinations().snsSubscriptions(), clock),
                new LambdaChannel(queue, clock),
                new KafkaChannel(queue));
        return new Deliveries(
                channels,
                metrics,
                p.destinations().deliveryAttempts(),
                p.destinations().deliveryBackoff());
    }

    @Bean
    EventHandler eventHandler(
            PolicySource policies,
            FunctionInvoker invoker,
            EventQueue queue,
            Deliveries deliveries,
            AsyncMetrics metrics,
            Clock clock,
            AsyncQueueProperties p) {
        return new EventHandler(
                policies,
                new RetryPolicy(p.retry()),
                invoker,
                queue,
                new DelayTiers(p.delayTiers()),
                deliveries,
                metrics,
                clock);
    }

    @Bean
    WorkerGate workerGate(
            AsyncTargets view,
            KafkaProperties kafka,
            BindingsLifecycleController bindings,
            org.springframework.core.env.Environment environment) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "async-queue-worker-gate");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new WorkerGate(
                view,
                () -> new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                environment.getRequiredProperty("ignis.topics.registry-changes.name"),
                List.of("asyncWorker-in-0"),
                bindings);
    }

    /** Bound by {@code asyncWorker-in-0} (config/async-queue-service.yml). */
    @Bean
    AsyncWorker asyncWorker(EventHandler handler, AsyncMetrics metrics, AsyncQueueProperties properties) {
        return new AsyncWorker(handler, metrics, properties.workers().maxInFlightPerFunction());
    }

    /** Bound by {@code delayLine-in-0} to every delayed-retry topic. */
    @Bean
    DelayLine delayLine(EventQueue queue, Clock clock) {
        return new DelayLine(queue, clock);
    }

    /**
     * A batch or delayed event that could not be handled is sought back and delivered again, for as
     * long as it takes (the broker may be away): nothing acknowledged is ever skipped.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> neverSkip() {
        return (container, destination, group) -> {
            ExponentialBackOff backOff = new ExponentialBackOff(200, 2);
            backOff.setMaxInterval(10_000);
            container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        };
    }
}
