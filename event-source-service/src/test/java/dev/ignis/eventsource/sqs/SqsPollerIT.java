package dev.ignis.eventsource.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ignis.contracts.placement.ReplicaRing;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceKind;
import dev.ignis.eventsource.config.EventSourceProperties;
import dev.ignis.eventsource.invoke.InvocationClient;
import dev.ignis.eventsource.poller.EventSourcePoller;
import dev.ignis.eventsource.poller.ProcessingResults;
import dev.ignis.eventsource.sqs.QueueFunction.Reply;
import dev.ignis.eventsource.support.RecordingEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQS pollers against a real ElasticMQ (an SQS-compatible server from Maven Central) started here,
 * invoking a recording function through the invoke port: the event, deletes, redelivery and the
 * queue's own dead-letter queue, partial batch responses, FIFO order, filters, batches, concurrency,
 * replicas sharing a queue, and what a mapping shows when its queue is missing.
 */
class SqsPollerIT {

    static final String REGION = ElasticMq.REGION;
    static final String ACCOUNT = ElasticMq.ACCOUNT;
    static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:consumer";
    static final AtomicInteger QUEUES = new AtomicInteger();

    static final URI ENDPOINT = ElasticMq.ENDPOINT;

    final SqsClient sqs = SqsClient.builder()
            .endpointOverride(ENDPOINT)
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    final QueueFunction function = new QueueFunction();
    final List<EventSourcePoller> pollers = new ArrayList<>();

    @AfterEach
    void stopPollers() {
        pollers.forEach(EventSourcePoller::stop);
        sqs.close();
    }

    @Test
    void deliversMessagesInAwsEventShapeAndDeletesThemOnSuccess() {
        String name = queue(Map.of());
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("Author", MessageAttributesMd5Test.string("String", "John Grisham"));
        attributes.put("WeeksOn", MessageAttributesMd5Test.string("Number", "6"));
        attributes.put(
                "Cover",
                MessageAttributeValue.builder()
                        .dataType("Binary")
                        .binaryValue(SdkBytes.fromUtf8String("png"))
                        .build());
        SendMessageResponse withAttributes = sqs.sendMessage(
                r -> r.queueUrl(url(name)).messageBody("{\"n\":1}").messageAttributes(attributes));
        SendMessageResponse plain = sqs.sendMessage(r -> r.queueUrl(url(name)).messageBody("plain"));
        var events = new RecordingEvents();

        start(mapping(name, 10, 0, List.of(), false, null), events);

        function.awaitRecords(2);
        awaitEmpty(name);
        assertThat(events.told).contains("reading");
        Map<String, JsonNode> byBody = new HashMap<>();
        function.records().forEach(r -> byBody.put(r.path("body").asString(), r));
        JsonNode first = byBody.get("{\"n\":1}");
        assertThat(first.path("messageId").asString()).isEqualTo(withAttributes.messageId());
        assertThat(first.path("receiptHandle").asString()).isNotEmpty();
        assertThat(first.path("attributes").path("ApproximateReceiveCount").asString())
                .isEqualTo("1");
        assertThat(first.path("attributes").path("SentTimestamp").asString()).matches("\\d{13}");
        assertThat(first.path("attributes")
                        .path("ApproximateFirstReceiveTimestamp")
                        .asString())
                .matches("\\d{13}");
        assertThat(first.path("attributes").has("SenderId")).isTrue();
        assertThat(first.path("md5OfBody").asString()).isEqualTo(withAttributes.md5OfMessageBody());
        assertThat(first.path("messageAttributes")
                        .path("Author")
                        .path("stringValue")
                        .asString())
                .isEqualTo("John Grisham");
        assertThat(first.path("messageAttributes")
                        .path("WeeksOn")
                        .path("dataType")
                        .asString())
                .isEqualTo("Number");
        assertThat(first.path("messageAttributes")
                        .path("Cover")
                        .path("binaryValue")
                        .asString())
                .isEqualTo("cG5n");
        assertThat(first.path("md5OfMessageAttributes").asString())
                .as("SQS's digest of the attributes, which ours matches")
                .isEqualTo(withAttributes.md5OfMessageAttributes())
                .isEqualTo(MessageAttributesMd5.of(attributes));
        assertThat(first.path("eventSource").asString()).isEqualTo("aws:sqs");
        assertThat(first.path("eventSourceARN").asString()).isEqualTo(arn(name));
        assertThat(first.path("awsRegion").asString()).isEqualTo(REGION);
        JsonNode second = byBody.get("plain");
        assertThat(second.path("messageId").asString()).isEqualTo(plain.messageId());
        assertThat(second.path("messageAttributes").isEmpty()).isTrue();
        assertThat(second.get("md5OfMessageAttributes").isNull()).isTrue();
        assertThat(events.told).contains("processed: OK").noneMatch(told -> told.contains("PROBLEM"));
    }

    @Test
    void aFailedMessageComesBackAfterTheVisibilityTimeoutAndTheQueueRedrivesItToItsDeadLetterQueue() {
        String dlq = queue(Map.of());
        String name = queue(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT,
                "1",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + arn(dlq) + "\",\"maxReceiveCount\":\"2\"}"));
        function.answer = event -> Reply.failure();
        var events = new RecordingEvents();
        sqs.sendMessage(r -> r.queueUrl(url(name)).messageBody("doomed"));

        start(mapping(name, 10, 0, List.of(), false, null), events);

        Message dead = awaitOne(dlq);
        assertThat(dead.body()).isEqualTo("doomed");
        assertThat(function.records())
                .extracting(r ->
                        r.path("attributes").path("ApproximateReceiveCount").asString())
                .containsExactly("1", "2");
        assertThat(events.told).contains("processed: " + ProcessingResults.FUNCTION_FAILED);
        awaitEmpty(name);
    }

    @Test
    void aPartialBatchResponseDeletesOnlyTheMessagesThatSucceeded() {
        String name = queue(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"));
        sendBatch(name, List.of("a", "b", "c"));
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        function.answer = event -> {
            for (JsonNode r : event.path("Records")) {
                if (r.path("body").asString().equals("b") && failedOnce.add("b")) {
                    return Reply.ok("{\"batchItemFailures\":[{\"itemIdentifier\":\""
                            + r.path("messageId").asString() + "\"}]}");
                }
            }
            return Reply.ok("{\"batchItemFailures\":[]}");
        };

        start(mapping(name, 10, 0, List.of(), true, null), new RecordingEvents());

        function.awaitRecords(4);
        awaitEmpty(name);
        assertThat(function.bodies()).containsExactlyInAnyOrder("a", "b", "c", "b");
        assertThat(function.records())
                .filteredOn(r -> r.path("body").asString().equals("b"))
                .extracting(r ->
                        r.path("attributes").path("ApproximateReceiveCount").asString())
                .containsExactly("1", "2");
    }

    @Test
    void aBatchResponseNamingAnUnknownMessageFailsTheWholeBatch() {
        String name = queue(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"));
        sendBatch(name, List.of("a", "b"));
        // A batch with a message seen for the first time gets an invalid answer, whichever lane took it.
        Set<String> seen = ConcurrentHashMap.newKeySet();
        function.answer = event -> {
            boolean fresh = false;
            for (JsonNode r : event.path("Records")) {
                fresh |= seen.add(r.path("body").asString());
            }
            return fresh
                    ? Reply.ok("{\"batchItemFailures\":[{\"itemIdentifier\":\"no-such-message\"}]}")
                    : Reply.ok("{}");
        };
        var events = new RecordingEvents();

        start(mapping(name, 10, 0, List.of(), true, 2), events);

        function.awaitRecords(4);
        awaitEmpty(name);
        assertThat(function.bodies()).filteredOn("a"::equals).hasSize(2);
        assertThat(function.bodies()).filteredOn("b"::equals).hasSize(2);
        assertThat(events.told).contains("processed: " + ProcessingResults.FUNCTION_FAILED);
    }

    @Test
    void aFifoQueueDeliversEachMessageGroupInOrderOneBatchAtATime() {
        String name = queue(
                "orders-" + QUEUES.incrementAndGet() + ".fifo",
                Map.of(
                        QueueAttributeName.FIFO_QUEUE, "true",
                        QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true",
                        QueueAttributeName.VISIBILITY_TIMEOUT, "1"));
        List<String> groups = List.of("g1", "g2", "g3");
        for (int i = 0; i < 8; i++) {
            for (String g : groups) {
                String body = g + "-" + i;
                sqs.sendMessage(r -> r.queueUrl(url(name)).messageGroupId(g).messageBody(body));
            }
        }
        // g2's third message fails once, reported alone: the rest of g2 must wait for it.
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        function.busyFor = Duration.ofMillis(20);
        function.answer = event -> {
            for (JsonNode r : event.path("Records")) {
                if (r.path("body").asString().equals("g2-2") && failedOnce.add("g2-2")) {
                    return Reply.ok("{\"batchItemFailures\":[{\"itemIdentifier\":\""
                            + r.path("messageId").asString() + "\"}]}");
                }
            }
            return Reply.ok();
        };

        start(mapping(name, 3, 0, List.of(), true, 5), new RecordingEvents());

        // A group's last message succeeds only after all before it did.
        await(
                () -> function.succeeded.stream()
                        .flatMap(e -> e.path("Records").valueStream())
                        .map(r -> r.path("body").asString())
                        .toList()
                        .containsAll(List.of("g1-7", "g2-7", "g3-7")),
                "every group's last message processed");
        awaitEmpty(name);
        // The order each group's messages were last delivered in (a retried one counts where it succeeded).
        Map<String, List<String>> lastOrder = new HashMap<>();
        for (JsonNode r : function.records()) {
            String group = r.path("attributes").path("MessageGroupId").asString();
            List<String> order = lastOrder.computeIfAbsent(group, g -> new ArrayList<>());
            String body = r.path("body").asString();
            order.remove(body);
            order.add(body);
        }
        for (String g : groups) {
            assertThat(lastOrder.get(g))
                    .as("group " + g)
                    .containsExactlyElementsOf(
                            IntStream.range(0, 8).mapToObj(i -> g + "-" + i).toList());
        }
        assertThat(function.groupOverlaps)
                .as("two batches of one group in flight at once")
                .hasValue(0);
        assertThat(function.records())
                .filteredOn(r -> r.path("body").asString().equals("g2-2"))
                .hasSize(2);
        assertThat(function.records().getFirst().path("attributes").has("SequenceNumber"))
                .isTrue();
        assertThat(function.records().getFirst().path("attributes").has("MessageDeduplicationId"))
                .isTrue();
    }

    @Test
    void filteredOutMessagesAreDeletedWithoutAnInvoke() {
        String name = queue(Map.of());
        sendBatch(
                name,
                List.of(
                        "{\"kind\":\"order\",\"n\":1}",
                        "{\"kind\":\"refund\",\"n\":2}",
                        "not json",
                        "{\"kind\":\"order\",\"n\":4}"));

        start(mapping(name, 10, 0, List.of("{\"body\":{\"kind\":[\"order\"]}}"), false, null), new RecordingEvents());

        awaitEmpty(name);
        function.awaitRecords(2);
        assertThat(function.bodies())
                .containsExactlyInAnyOrder("{\"kind\":\"order\",\"n\":1}", "{\"kind\":\"order\",\"n\":4}");
    }

    @Test
    void batchesGatherMessagesOverSeveralReceivesUpToBatchSize() {
        String name = queue(Map.of());
        for (int i = 0; i < 3; i++) {
            sendBatch(
                    name,
                    IntStream.range(i * 10, i * 10 + 10).mapToObj(n -> "m-" + n).toList());
        }

        start(mapping(name, 15, 5, List.of(), false, 2), new RecordingEvents());

        function.awaitRecords(30);
        awaitEmpty(name);
        assertThat(function.events)
                .allSatisfy(e -> assertThat(e.path("Records").size()).isLessThanOrEqualTo(15));
        assertThat(function.events)
                .as("a batch larger than one ReceiveMessage can return")
                .anySatisfy(e -> assertThat(e.path("Records").size()).isGreaterThan(10));
        assertThat(new HashSet<>(function.bodies())).hasSize(30);
    }

    @Test
    void theWindowGathersMessagesThatArriveWhileItIsOpen() {
        String name = queue(Map.of());
        var events = new RecordingEvents();
        start(mapping(name, 100, 5, List.of(), false, 2), events);
        awaitTold(events, "reading");

        for (int i = 0; i < 6; i++) {
            String body = "m-" + i;
            sqs.sendMessage(r -> r.queueUrl(url(name)).messageBody(body));
        }

        function.awaitRecords(6);
        assertThat(function.events.size())
                .as("six messages sent one by one, gathered by two lanes")
                .isLessThanOrEqualTo(2);
    }

    @Test
    void maximumConcurrencyBoundsTheInvokesRunningAtOnce() {
        String name = queue(Map.of());
        for (int i = 0; i < 6; i++) {
            sendBatch(
                    name,
                    IntStream.range(i * 10, i * 10 + 10).mapToObj(n -> "m-" + n).toList());
        }
        function.busyFor = Duration.ofMillis(100);

        start(mapping(name, 1, 0, List.of(), false, 3), new RecordingEvents());

        function.awaitRecords(60);
        awaitEmpty(name);
        assertThat(function.mostAtOnce.get()).isBetween(1, 3);
    }

    @Test
    void pollersScaleUpPastTheFirstFiveWhileMessagesWait() {
        String name = queue(Map.of());
        for (int i = 0; i < 20; i++) {
            sendBatch(
                    name,
                    IntStream.range(i * 10, i * 10 + 10).mapToObj(n -> "m-" + n).toList());
        }
        function.busyFor = Duration.ofMillis(100);

        start(mapping(name, 1, 0, List.of(), false, 12), new RecordingEvents());

        function.awaitRecords(200);
        assertThat(function.mostAtOnce.get()).isGreaterThan(5).isLessThanOrEqualTo(12);
    }

    @Test
    void twoReplicasShareAQueueAndEachMessageIsDeliveredOnce() {
        String name = queue(Map.of());
        EventSourceMappingSnapshot mapping = mapping(name, 10, 0, List.of(), false, null);
        start(mapping, new RecordingEvents());
        start(mapping, new RecordingEvents());
        for (int i = 0; i < 10; i++) {
            sendBatch(
                    name,
                    IntStream.range(i * 10, i * 10 + 10).mapToObj(n -> "m-" + n).toList());
        }

        function.awaitRecords(100);
        awaitEmpty(name);
        assertThat(function.bodies()).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void aStoppedPollerInvokesNothingMoreAndLeavesNewMessagesInTheQueue() {
        String name = queue(Map.of());
        var events = new RecordingEvents();
        EventSourcePoller poller = start(mapping(name, 10, 0, List.of(), false, null), events);
        awaitTold(events, "reading");
        sqs.sendMessage(r -> r.queueUrl(url(name)).messageBody("before"));
        function.awaitRecords(1);

        poller.stop();
        pollers.remove(poller);
        sqs.sendMessage(r -> r.queueUrl(url(name)).messageBody("after"));

        // A long poll still open when the poller stopped may take it, and gives it back at once.
        await(() -> count(name, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES) == 1, "after visible");
        assertThat(awaitMessages(name, 1)).isTrue();
        assertThat(function.bodies()).containsExactly("before");
    }

    @Test
    void throughTheInvokeApiOverHttpAThrottledBatchStaysInTheQueueAndIsDeliveredLater() throws IOException {
        String name = queue(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"));
        List<String> paths = new CopyOnWriteArrayList<>();
        List<JsonNode> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger throttles = new AtomicInteger(2);
        // invocation-service as the pollers reach it: the Invoke API over HTTP, throttling twice.
        HttpServer invokeApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        invokeApi.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            bodies.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            boolean throttle = throttles.getAndDecrement() > 0;
            byte[] answer = (throttle
                            ? "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\","
                                    + "\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}"
                            : "null")
                    .getBytes(StandardCharsets.UTF_8);
            if (throttle) {
                exchange.getResponseHeaders().set("x-amzn-ErrorType", "TooManyRequestsException");
            }
            exchange.sendResponseHeaders(throttle ? 429 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        invokeApi.start();
        try {
            sqs.sendMessage(r -> r.queueUrl(url(name)).messageBody("over-http"));
            var events = new RecordingEvents();
            EventSourcePoller poller = new SqsPollerFactory(
                            properties(ENDPOINT),
                            Duration.ofSeconds(30),
                            new InvocationClient(
                                    new ReplicaRing(
                                            List.of(URI.create("http://127.0.0.1:"
                                                    + invokeApi.getAddress().getPort())),
                                            64),
                                    Duration.ofSeconds(5)),
                            new SimpleMeterRegistry())
                    .create(mapping(name, 10, 0, List.of(), false, 2), events);
            poller.start();
            pollers.add(poller);

            await(() -> bodies.size() >= 3, "three invokes");
            awaitEmpty(name);
            assertThat(paths).containsOnly("/2015-03-31/functions/consumer/invocations");
            assertThat(bodies)
                    .extracting(b -> b.path("Records")
                            .get(0)
                            .path("attributes")
                            .path("ApproximateReceiveCount")
                            .asString())
                    .startsWith("1", "2", "3");
            assertThat(events.told).containsSubsequence("processed: " + ProcessingResults.THROTTLED, "processed: OK");
        } finally {
            invokeApi.stop(0);
        }
    }

    @Test
    void aMissingQueueIsReportedAsLambdaReportsItUntilItExists() {
        String name = "not-yet-" + QUEUES.incrementAndGet();
        var events = new RecordingEvents();
        start(mapping(name, 10, 0, List.of(), false, null), events);

        awaitTold(events, "problem: " + SqsQueue.QUEUE_NOT_FOUND);
        assertThat(events.told).doesNotContain("reading");

        queue(name, Map.of());
        sqs.sendMessage(r -> r.queueUrl(url(name)).messageBody("late"));
        function.awaitRecords(1);
        assertThat(events.told).contains("reading");
    }

    @Test
    void anUnreachableEndpointIsAConnectionError() {
        var events = new RecordingEvents();
        EventSourcePoller poller = new SqsPollerFactory(
                        properties(URI.create("http://127.0.0.1:1")),
                        Duration.ofSeconds(30),
                        function,
                        new SimpleMeterRegistry())
                .create(mapping("anywhere", 10, 0, List.of(), false, null), events);
        poller.start();
        pollers.add(poller);

        awaitTold(events, "problem: " + ProcessingResults.CONNECTION_ERROR);
        assertThat(events.told).doesNotContain("reading");
    }

    // --- helpers

    private EventSourcePoller start(EventSourceMappingSnapshot mapping, RecordingEvents events) {
        EventSourcePoller poller = new SqsPollerFactory(
                        properties(ENDPOINT), Duration.ofSeconds(30), function, new SimpleMeterRegistry())
                .create(mapping, events);
        poller.start();
        pollers.add(poller);
        return poller;
    }

    static EventSourceProperties properties(URI endpoint) {
        return new EventSourceProperties(
                REGION,
                ACCOUNT,
                URI.create("http://127.0.0.1:1"),
                6_291_456,
                null,
                new EventSourceProperties.Sqs(
                        endpoint, Duration.ofSeconds(1), 5, 1000, Duration.ofMillis(200), 5, Duration.ofMillis(200)),
                null);
    }

    static EventSourceMappingSnapshot mapping(
            String queue,
            int batchSize,
            Integer window,
            List<String> filters,
            boolean reportBatchItemFailures,
            Integer maximumConcurrency) {
        String uuid = UUID.randomUUID().toString();
        return new EventSourceMappingSnapshot(
                uuid,
                "arn:aws:lambda:us-east-1:000000000000:event-source-mapping:" + uuid,
                FUNCTION,
                SourceKind.SQS,
                arn(queue),
                null,
                "Creating",
                "USER_INITIATED",
                true,
                batchSize,
                window,
                filters,
                null,
                null,
                null,
                reportBatchItemFailures,
                null,
                null,
                null,
                null,
                maximumConcurrency,
                null,
                Instant.parse("2026-12-04T01:00:00Z"));
    }

    static String arn(String queue) {
        return "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + queue;
    }

    private String queue(Map<QueueAttributeName, String> attributes) {
        return queue("orders-" + QUEUES.incrementAndGet(), attributes);
    }

    private String queue(String name, Map<QueueAttributeName, String> attributes) {
        sqs.createQueue(r -> r.queueName(name).attributes(attributes));
        return name;
    }

    private String url(String name) {
        return sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
    }

    private void sendBatch(String name, List<String> bodies) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id("e" + i)
                    .messageBody(bodies.get(i))
                    .build());
        }
        sqs.sendMessageBatch(r -> r.queueUrl(url(name)).entries(entries));
    }

    private long count(String name, QueueAttributeName attribute) {
        return Long.parseLong(sqs.getQueueAttributes(r -> r.queueUrl(url(name)).attributeNames(attribute))
                .attributes()
                .get(attribute));
    }

    /** Waits until the queue holds no message, visible or in flight. */
    private void awaitEmpty(String name) {
        await(
                () -> count(name, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                                + count(name, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                        == 0,
                "queue " + name + " empty");
    }

    /** Whether the queue holds {@code visible} visible messages for two seconds on end. */
    private boolean awaitMessages(String name, long visible) {
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < until) {
            if (count(name, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES) != visible) {
                return false;
            }
            pause();
        }
        return true;
    }

    private Message awaitOne(String name) {
        List<Message> got = new CopyOnWriteArrayList<>();
        await(
                () -> {
                    got.addAll(sqs.receiveMessage(r -> r.queueUrl(url(name)).waitTimeSeconds(1))
                            .messages());
                    return !got.isEmpty();
                },
                "a message in " + name);
        return got.getFirst();
    }

    static void awaitTold(RecordingEvents events, String what) {
        await(() -> events.told.contains(what), "told " + what + "; told " + events.told);
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
