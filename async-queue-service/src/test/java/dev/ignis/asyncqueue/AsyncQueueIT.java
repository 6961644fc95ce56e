package dev.ignis.asyncqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ignis.asyncqueue.catalog.AsyncTargets;
import dev.ignis.asyncqueue.support.HttpSubscriber;
import dev.ignis.asyncqueue.support.InvokeApiStandIn;
import dev.ignis.asyncqueue.support.InvokeApiStandIn.Answer;
import dev.ignis.asyncqueue.support.RegistryChanges;
import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.registry.ResourceType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * async-queue-service for real — Tomcat, a real Kafka broker (KRaft), ElasticMQ for SQS, real HTTP
 * for the Invoke API and an SNS subscriber — with every AWS delay shrunk to milliseconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(
        partitions = 2,
        topics = {
            AsyncQueueIT.CHANGES,
            "ignis.invocations.async",
            "ignis.invocations.async.retry-1s",
            "ignis.invocations.async.retry-10s",
            "ignis.invocations.async.retry-1m",
            "ignis.invocations.async.retry-2m",
            "ignis.invocations.async.retry-5m",
            AsyncQueueIT.DESTINATIONS
        })
class AsyncQueueIT {

    static final String CHANGES = "ignis.registry.changes";
    static final String DESTINATIONS = "ignis.destinations";
    static final String PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:";
    static final String SNS_TOPIC = "arn:aws:sns:us-east-1:000000000000:outcomes";

    static final InvokeApiStandIn invokeApi = new InvokeApiStandIn();
    static final HttpSubscriber subscriber = new HttpSubscriber();
    static final SQSRestServer elasticMq =
            SQSRestServerBuilder.withDynamicPort().start();
    static final int SQS_PORT = elasticMq.waitUntilStarted().localAddress().getPort();
    static final AtomicLong sequence = new AtomicLong(1);

    static {
        // The AWS SDK's default credential chain; ElasticMQ accepts any key.
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();
    final SqsClient sqs = SqsClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + SQS_PORT))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();

    @LocalServerPort
    int port;

    @Autowired
    AsyncTargets targets;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("ignis.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        properties.add(
                "ignis.placement.invocation-replicas", () -> invokeApi.url().toString());
        properties.add("ignis.async-queue.retry.function-error-delays", () -> "200ms,300ms");
        properties.add("ignis.async-queue.retry.backoff-initial", () -> "100ms");
        properties.add("ignis.async-queue.retry.backoff-max", () -> "400ms");
        properties.add("ignis.async-queue.destinations.sqs-endpoint", () -> "http://127.0.0.1:" + SQS_PORT);
        properties.add("ignis.async-queue.destinations.delivery-backoff", () -> "50ms");
        properties.add("ignis.async-queue.destinations.sns-subscriptions[0].topic-arn", () -> SNS_TOPIC);
        properties.add(
                "ignis.async-queue.destinations.sns-subscriptions[0].endpoint",
                () -> subscriber.url().toString());
    }

    @AfterAll
    static void stop() {
        invokeApi.close();
        subscriber.close();
        elasticMq.stopAndWait();
    }

    @Test
    void anEvent_isAcknowledgedWith202_andRunsOnceWithTheRequestIdTheCallerGot() throws Exception {
        String arn = function("once", null);
        configure(arn, null, null, null, "arn:aws:kafka:us-east-1:000000000000:topic/" + DESTINATIONS, null);
        invokeApi.program(arn, n -> Answer.result("{\"done\":true}"));

        HttpResponse<String> accepted = invoke("once", "{\"order\":1}");

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).isEmpty();
        String requestId = accepted.headers().firstValue("x-amzn-RequestId").orElseThrow();
        JsonNode record = kafkaRecord(requestId);
        assertThat(record.at("/requestContext/condition").asString()).isEqualTo("Success");
        assertThat(record.at("/requestContext/functionArn").asString()).isEqualTo(arn + ":$LATEST");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
        assertThat(record.at("/requestPayload/order").asInt()).isEqualTo(1);
        assertThat(record.at("/responseContext/statusCode").asInt()).isEqualTo(200);
        assertThat(record.at("/responsePayload/done").asBoolean()).isTrue();
        assertThat(invokeApi.callsOf(arn)).containsExactly(new InvokeApiStandIn.Call(arn, requestId, "{\"order\":1}"));
    }

    @Test
    void badEvents_areRefusedAsAwsRefusesThem_beforeAnythingIsQueued() throws Exception {
        function("strict", null);

        HttpResponse<String> unknown = invoke("nobody", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
        assertThat(json.readTree(unknown.body()).get("message").asString())
                .isEqualTo("Function not found: " + PREFIX + "nobody");

        HttpResponse<String> unknownAlias = invoke("strict:missing", "{}");
        assertThat(unknownAlias.statusCode()).isEqualTo(404);

        String big = "\"" + "x".repeat(1_048_577) + "\"";
        HttpResponse<String> tooLarge = invoke("strict", big);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("x-amzn-ErrorType")).contains("RequestEntityTooLargeException");
        assertThat(json.readTree(tooLarge.body()).get("message").asString())
                .isEqualTo(big.length()
                        + " byte payload is too large for the Event invocation type (limit 1048576 bytes)");

        HttpResponse<String> notJson = invoke("strict", "{nope");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.headers().firstValue("x-amzn-ErrorType")).contains("InvalidRequestContentException");
        assertThat(invokeApi.callsOf(PREFIX + "strict")).isEmpty();
    }

    @Test
    void aFailingFunction_isRetriedTheConfiguredTimes_thenTheOnFailureQueueGetsTheRecord() throws Exception {
        String arn = function("failing", null);
        String queue = queue("failures");
        configure(arn, 1, null, null, null, "arn:aws:sqs:us-east-1:000000000000:failures");
        invokeApi.program(arn, n -> Answer.functionError("boom " + n));

        String requestId = requestId(invoke("failing", "{\"order\":2}"));

        JsonNode record = json.readTree(sqsMessage(queue).body());
        assertThat(record.get("version").asString()).isEqualTo("1.0");
        assertThat(record.at("/requestContext/requestId").asString()).isEqualTo(requestId);
        assertThat(record.at("/requestContext/condition").asString()).isEqualTo("RetriesExhausted");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(2);
        assertThat(record.at("/requestPayload/order").asInt()).isEqualTo(2);
        assertThat(record.at("/responseContext/functionError").asString()).isEqualTo("Unhandled");
        assertThat(record.at("/responseContext/executedVersion").asString()).isEqualTo("$LATEST");
        assertThat(record.at("/responsePayload/errorMessage").asString()).isEqualTo("boom 2");
        assertThat(invokeApi.callsOf(arn)).hasSize(2).allMatch(c -> c.requestId()
                .equals(requestId));
    }

    @Test
    void theDeadLetterQueue_getsTheOriginalEventWithItsAttributes() throws Exception {
        String arn = function("doomed", "arn:aws:sqs:us-east-1:000000000000:dead-letters");
        String queue = queue("dead-letters");
        configure(arn, 0, null, null, null, null);
        invokeApi.program(arn, n -> Answer.functionError("no luck"));

        String requestId = requestId(invoke("doomed", "{\"order\":3}"));

        Message letter = sqsMessage(queue);
        assertThat(letter.body()).isEqualTo("{\"order\":3}");
        assertThat(letter.messageAttributes().get("RequestID").stringValue()).isEqualTo(requestId);
        assertThat(letter.messageAttributes().get("ErrorCode").dataType()).isEqualTo("Number");
        assertThat(letter.messageAttributes().get("ErrorCode").stringValue()).isEqualTo("200");
        assertThat(letter.messageAttributes().get("ErrorMessage").stringValue()).isEqualTo("no luck");
        assertThat(invokeApi.callsOf(arn)).hasSize(1);
    }

    @Test
    void anotherFunction_andAnSnsHttpSubscriber_areDestinationsToo() throws Exception {
        String catcher = function("catcher", null);
        String failing = function("hands-off", null);
        String announcer = function("announcer", null);
        configure(failing, 0, null, null, null, catcher);
        configure(announcer, null, null, null, SNS_TOPIC, null);
        invokeApi.program(failing, n -> Answer.functionError("passed on"));
        invokeApi.program(announcer, n -> Answer.result("\"hello\""));

        String failedId = requestId(invoke("hands-off", "{\"order\":4}"));
        String announcedId = requestId(invoke("announcer", "{\"order\":5}"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !invokeApi.callsOf(catcher).isEmpty());
        InvokeApiStandIn.Call caught = invokeApi.callsOf(catcher).getFirst();
        JsonNode record = json.readTree(caught.event());
        assertThat(record.at("/requestContext/requestId").asString()).isEqualTo(failedId);
        assertThat(record.at("/requestContext/condition").asString()).isEqualTo("RetriesExhausted");
        assertThat(caught.requestId()).as("the destination's own invocation").isNotEqualTo(failedId);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !subscriber.deliveries().isEmpty());
        HttpSubscriber.Delivery delivery = subscriber.deliveries().getFirst();
        assertThat(delivery.snsHeaders())
                .containsEntry("x-amz-sns-message-type", "Notification")
                .containsEntry("x-amz-sns-topic-arn", SNS_TOPIC);
        JsonNode notification = json.readTree(delivery.body());
        assertThat(notification.get("Type").asString()).isEqualTo("Notification");
        assertThat(notification.get("TopicArn").asString()).isEqualTo(SNS_TOPIC);
        JsonNode announced = json.readTree(notification.get("Message").asString());
        assertThat(announced.at("/requestContext/requestId").asString()).isEqualTo(announcedId);
        assertThat(announced.at("/requestContext/condition").asString()).isEqualTo("Success");
        assertThat(announced.get("responsePayload").asString()).isEqualTo("hello");
    }

    @Test
    void aThrottledFunction_isEventuallyProcessed_withoutUsingItsRetries() throws Exception {
        String arn = function("busy", null);
        String queue = queue("busy-ok");
        configure(arn, 0, null, "arn:aws:sqs:us-east-1:000000000000:busy-ok", null, null);
        invokeApi.program(arn, n -> n <= 3 ? Answer.throttled() : Answer.result("{}"));

        String requestId = requestId(invoke("busy", "{\"order\":6}"));

        JsonNode record = json.readTree(sqsMessage(queue).body());
        assertThat(record.at("/requestContext/requestId").asString()).isEqualTo(requestId);
        assertThat(record.at("/requestContext/condition").asString()).isEqualTo("Success");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
        assertThat(invokeApi.callsOf(arn)).hasSize(4);
    }

    @Test
    void anEventThatOutlivesItsMaximumAge_isGivenUpAsEventAgeExceeded() throws Exception {
        String arn = function("swamped", null);
        String queue = queue("expired");
        configure(arn, null, 1, null, null, "arn:aws:sqs:us-east-1:000000000000:expired");
        invokeApi.program(arn, n -> Answer.throttled());

        String requestId = requestId(invoke("swamped", "{\"order\":7}"));

        JsonNode record = json.readTree(sqsMessage(queue).body());
        assertThat(record.at("/requestContext/requestId").asString()).isEqualTo(requestId);
        assertThat(record.at("/requestContext/condition").asString()).isEqualTo("EventAgeExceeded");
        assertThat(record.at("/responseContext/statusCode").asInt()).isEqualTo(429);
    }

    @Test
    void reservedConcurrencyZero_isAccepted_andGoesStraightToFailureHandling() throws Exception {
        String arn = function("switched-off", null);
        String queue = queue("switched-off");
        configure(arn, null, null, null, null, "arn:aws:sqs:us-east-1:000000000000:switched-off");
        publish(ResourceType.CONCURRENCY, arn + "#concurrency", RegistryChanges.concurrency(arn, 0));
        await().until(() -> targets.policyFor(arn).reservedZero());

        String requestId = requestId(invoke("switched-off", "{\"order\":8}"));

        JsonNode record = json.readTree(sqsMessage(queue).body());
        assertThat(record.at("/requestContext/requestId").asString()).isEqualTo(requestId);
        assertThat(record.at("/requestContext/condition").asString()).isEqualTo("RetriesExhausted");
        assertThat(record.at("/responseContext/statusCode").asInt()).isEqualTo(429);
        assertThat(invokeApi.callsOf(arn)).isEmpty();
    }

    private String function(String name, String deadLetterTarget) throws Exception {
        String arn = PREFIX + name;
        publish(ResourceType.FUNCTION, arn, RegistryChanges.function(arn, deadLetterTarget));
        await().until(() -> targets.accepts(FunctionRef.parse(name))
                && java.util.Objects.equals(targets.policyFor(arn).deadLetterTarget(), deadLetterTarget));
        return arn;
    }

    private void configure(
            String arn, Integer retries, Integer maxAge, String onSuccess, String onSuccessTopic, String onFailure)
            throws Exception {
        String success = onSuccess != null ? onSuccess : onSuccessTopic;
        publish(
                ResourceType.EVENT_INVOKE_CONFIG,
                arn + "#event-invoke-config",
                RegistryChanges.eventInvokeConfig(arn, retries, maxAge, success, onFailure));
        await().until(() -> java.util.Objects.equals(targets.policyFor(arn).onFailure(), onFailure)
                && java.util.Objects.equals(targets.policyFor(arn).onSuccess(), success));
    }

    private static void publish(ResourceType type, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", System.getProperty("spring.embedded.kafka.brokers")),
                new StringSerializer(),
                new ByteArraySerializer())) {
            RegistryChanges.publish(producer, CHANGES, sequence.incrementAndGet(), type, key, value);
        }
    }

    private HttpResponse<String> invoke(String function, String payload) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + port + "/2015-03-31/functions/" + function + "/invocations"))
                        .header("X-Amz-Invocation-Type", "Event")
                        .POST(HttpRequest.BodyPublishers.ofString(payload))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String requestId(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(202);
        return response.headers().firstValue("x-amzn-RequestId").orElseThrow();
    }

    private String queue(String name) {
        return sqs.createQueue(r -> r.queueName(name)).queueUrl();
    }

    private Message sqsMessage(String queueUrl) {
        List<Message> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            received.addAll(sqs.receiveMessage(
                            r -> r.queueUrl(queueUrl).waitTimeSeconds(1).messageAttributeNames("All"))
                    .messages());
            return !received.isEmpty();
        });
        return received.getFirst();
    }

    private JsonNode kafkaRecord(String requestId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers",
                        System.getProperty("spring.embedded.kafka.brokers"),
                        "group.id",
                        "it-" + requestId,
                        "auto.offset.reset",
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(DESTINATIONS));
            List<JsonNode> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode record = json.readTree(r.value());
                    if (record.at("/requestContext/requestId").asString().equals(requestId)) {
                        found.add(record);
                    }
                }
                return !found.isEmpty();
            });
            return found.getFirst();
        }
    }
}
