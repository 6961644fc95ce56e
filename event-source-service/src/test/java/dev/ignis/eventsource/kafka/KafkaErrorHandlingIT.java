package dev.ignis.eventsource.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.eventsource.kafka.RecordingFunction.Delivered;
import dev.ignis.eventsource.poller.EventSourcePoller;
import dev.ignis.eventsource.support.RecordingEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error handling controls of Kafka mappings against a real KRaft broker, with ElasticMQ (in
 * process) as the OnFailure queue and a topic of the same broker as the OnFailure topic: retries
 * counted and exhausted, bisection, records past their age, a destination that refuses.
 */
@EmbeddedKafka
class KafkaErrorHandlingIT {

    static final AtomicInteger TOPICS = new AtomicInteger();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static SQSRestServer elasticMq;
    static URI sqsEndpoint;
    static SqsClient sqs;

    final EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
    private final TopicRecords topics = new TopicRecords(broker);
    final RecordingFunction function = new RecordingFunction();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<EventSourcePoller> pollers = new ArrayList<>();

    @BeforeAll
    static void queues() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withDynamicPort()
                .start();
        sqsEndpoint = URI.create("http://127.0.0.1:"
                + elasticMq.waitUntilStarted().localAddress().getPort());
        sqs = SqsClient.builder()
                .endpointOverride(sqsEndpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterAll
    static void stopQueues() {
        sqs.close();
        elasticMq.stopAndWait();
    }

    @AfterEach
    void stopPollers() {
        pollers.forEach(EventSourcePoller::stop);
    }

    @Test
    void aBatchThatUsedItsRetriesGoesToTheQueueAndItsPartitionGoesOn() throws Exception {
        String topic = topic(2);
        String group = "group-" + topic;
        String queueArn = queue("failed-" + topic);
        topics.produce(topic, 0, 0, 3);
        topics.produce(topic, 1, 100, 2);
        function.failWhile = batch -> batch.stream().anyMatch(d -> d.value().equals("value-1"));
        start(Mappings.withErrorHandling(
                Mappings.kafka(broker.getBrokersAsString(), topic, group, 10, 0, List.of()), queueArn, 2, null, null));

        JsonNode record = JSON.readTree(awaitMessages(queueArn, 1).getFirst().body());
        assertThat(function.failed)
                .as("the first invoke and MaximumRetryAttempts 2 retries")
                .hasSize(3)
                .allSatisfy(b -> assertThat(b).extracting(Delivered::offset).containsExactly(0L, 1L, 2L));
        assertThat(function.values()).as("partition 1 went on").contains("value-100", "value-101");
        JsonNode request = record.path("requestContext");
        assertThat(request.path("condition").asString()).isEqualTo("RetryAttemptsExhausted");
        assertThat(request.path("approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(request.path("functionArn").asString()).isEqualTo(Mappings.FUNCTION);
        assertThat(request.path("requestId").asString()).isNotEmpty();
        assertThat(record.path("responseContext").path("statusCode").asInt()).isEqualTo(200);
        assertThat(record.path("responseContext").path("functionError").asString())
                .isEqualTo("Unhandled");
        assertThat(record.path("version").asString()).isEqualTo("1.0");
        assertThat(record.path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode info = record.path("KafkaBatchInfo");
        assertThat(info.path("batchSize").asInt()).isEqualTo(3);
        assertThat(info.path("bootstrapServers").asString()).isEqualTo(broker.getBrokersAsString());
        assertThat(info.has("eventSourceArn"))
                .as("a self-managed cluster has no ARN")
                .isFalse();
        assertThat(info.path("payloadSize").asInt()).isPositive();
        JsonNode range = info.path("recordsInfo").path(topic + "-0");
        assertThat(range.path("firstRecordOffset").asString()).isEqualTo("0");
        assertThat(range.path("lastRecordOffset").asString()).isEqualTo("2");
        assertThat(range.path("firstRecordTimestamp").asString()).endsWith("Z");

        topics.produce(topic, 0, 3, 2);
        function.awaitDelivered(4);
        assertThat(function.values()).contains("value-3", "value-4").doesNotContain("value-0", "value-1");
        topics.awaitCommitted(group, topic, 5 + 2);
        assertThat(function.failed).as("never tried again once given up").hasSize(3);
    }

    @Test
    void bisectionIsolatesTheBadRecordWhichGoesToTheKafkaTopicWithItsKeyAndHeaders() throws Exception {
        String topic = topic(1);
        String failedTopic = topic + "-failed";
        broker.addTopics(new NewTopic(failedTopic, 1, (short) 1));
        topics.produce(topic, 0, 0, 4);
        function.failWhile = batch -> batch.stream().anyMatch(d -> d.value().equals("value-2"));
        start(Mappings.withErrorHandling(
                Mappings.kafka(broker.getBrokersAsString(), topic, null, 10, 0, List.of()),
                "kafka://" + failedTopic,
                0,
                null,
                true));

        ConsumerRecord<byte[], byte[]> failed = awaitRecords(failedTopic, 1).getFirst();
        function.awaitDelivered(3);
        assertThat(function.values()).containsExactly("value-0", "value-1", "value-3");
        assertThat(new String(failed.key(), StandardCharsets.UTF_8)).isEqualTo("key-2");
        assertThat(new String(failed.headers().lastHeader("source").value(), StandardCharsets.UTF_8))
                .isEqualTo("test");
        JsonNode value = JSON.readTree(failed.value());
        assertThat(value.path("requestContext").path("condition").asString()).isEqualTo("RetriesExhausted");
        assertThat(value.path("requestContext").path("approximateInvokeCount").asInt())
                .as("the whole batch, its second half, then the record alone")
                .isEqualTo(3);
        assertThat(value.path("KafkaBatchInfo").path("batchSize").asInt()).isEqualTo(1);
        assertThat(value.path("KafkaBatchInfo")
                        .path("recordInfo")
                        .path("offset")
                        .asString())
                .isEqualTo("2");
        JsonNode payload = value.path("payload");
        assertThat(payload.path("eventSource").asString()).isEqualTo("SelfManagedKafka");
        JsonNode original = payload.path("records").path(topic + "-0").get(0);
        assertThat(original.path("offset").asLong()).isEqualTo(2);
        assertThat(new String(Base64.getDecoder().decode(original.path("value").asString()), StandardCharsets.UTF_8))
                .isEqualTo("value-2");
        assertThat(payload.path("records").path(topic + "-0")).hasSize(1);
    }

    @Test
    void recordsPastMaximumRecordAgeAreGivenUpWithoutAnInvoke() throws Exception {
        String topic = topic(1);
        String queueArn = queue("old-" + topic);
        try (var producer = topics.producer()) {
            long old = System.currentTimeMillis() - Duration.ofMinutes(5).toMillis();
            producer.send(new ProducerRecord<>(topic, 0, old, bytes("key-0"), bytes("stale")));
            producer.send(new ProducerRecord<>(topic, 0, null, bytes("key-1"), bytes("fresh")));
        }
        start(Mappings.withErrorHandling(
                Mappings.kafka(broker.getBrokersAsString(), topic, null, 10, 0, List.of()), queueArn, null, 60, null));

        JsonNode record = JSON.readTree(awaitMessages(queueArn, 1).getFirst().body());
        function.awaitDelivered(1);
        assertThat(function.values()).containsExactly("fresh");
        assertThat(record.path("requestContext").path("condition").asString()).isEqualTo("RecordAgeExceeded");
        assertThat(record.path("requestContext").path("approximateInvokeCount").asInt())
                .isZero();
        assertThat(record.has("responseContext")).as("never invoked").isFalse();
        assertThat(record.path("KafkaBatchInfo").path("batchSize").asInt()).isEqualTo(1);
    }

    @Test
    void aDestinationThatRefusesHoldsThePartitionUntilItTakesTheRecords() throws Exception {
        String topic = topic(1);
        String group = "group-" + topic;
        String name = "late-" + topic;
        String queueArn = "arn:aws:sqs:us-east-1:000000000000:" + name;
        topics.produce(topic, 0, 0, 1);
        function.failWhile = batch -> true;
        start(Mappings.withErrorHandling(
                Mappings.kafka(broker.getBrokersAsString(), topic, group, 10, 0, List.of()), queueArn, 0, null, null));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (failures() < 2 && System.nanoTime() < deadline) {
            KafkaPollerIT.pause();
        }
        assertThat(failures()).as("deliveries refused, counted").isGreaterThanOrEqualTo(2);
        assertThat(topics.committed(group, topic))
                .as("the offset waits for the destination")
                .isZero();
        assertThat(function.failed)
                .as("the records are not invoked again meanwhile")
                .hasSize(1);

        queue(name);
        assertThat(awaitMessages(queueArn, 1)).hasSize(1);
        topics.awaitCommitted(group, topic, 1);
    }

    private double failures() {
        var counter = meters.find("ignis.eventsource.destination.failures").counter();
        return counter == null ? 0 : counter.count();
    }

    private void start(EventSourceMappingSnapshot mapping) {
        EventSourcePoller poller = new KafkaPollerFactory(
                        Mappings.properties(Map.of(), sqsEndpoint), Duration.ofSeconds(30), function, meters)
                .create(mapping, new RecordingEvents());
        poller.start();
        pollers.add(poller);
    }

    private String topic(int partitions) {
        String name = "errors-" + TOPICS.incrementAndGet();
        broker.addTopics(new NewTopic(name, partitions, (short) 1));
        return name;
    }

    private static String queue(String name) {
        sqs.createQueue(r -> r.queueName(name));
        return "arn:aws:sqs:us-east-1:000000000000:" + name;
    }

    private static List<Message> awaitMessages(String queueArn, int count) {
        String name = queueArn.substring(queueArn.lastIndexOf(':') + 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Message> received = new ArrayList<>();
        while (received.size() < count && System.nanoTime() < deadline) {
            String url = sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
            received.addAll(
                    sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages());
        }
        assertThat(received).hasSize(count);
        return received;
    }

    private List<ConsumerRecord<byte[], byte[]>> awaitRecords(String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        assertThat(received).hasSize(count);
        return received;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
