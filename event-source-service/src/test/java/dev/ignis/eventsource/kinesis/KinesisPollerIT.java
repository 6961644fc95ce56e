package dev.ignis.eventsource.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.eventsource.kinesis.StreamFunction.Delivered;
import dev.ignis.eventsource.poller.EventSourcePoller;
import dev.ignis.eventsource.support.RecordingEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.NewTopic;
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
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kinesis pollers against kinesalite (a real Kinesis API on loopback), with checkpoints and leases
 * on a real KRaft broker, invoking a recording function through the invoke port.
 */
@EmbeddedKafka
class KinesisPollerIT {

    static final String CHECKPOINTS = "ignis.eventsource.kinesis.checkpoints";

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Streams streams;
    static SQSRestServer elasticMq;
    static URI sqsEndpoint;
    static SqsClient sqs;

    final EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
    final StreamFunction function = new StreamFunction();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<EventSourcePoller> pollers = new ArrayList<>();

    @BeforeAll
    static void servers() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        // kinesalite's CBOR answers do not parse in the AWS SDK: JSON, as the pollers are configured here.
        System.setProperty("aws.cborEnabled", "false");
        streams = new Streams(Kinesalite.shared().endpoint());
        EmbeddedKafkaCondition.getBroker()
                .addTopics(new NewTopic(CHECKPOINTS, 4, (short) 1).configs(Map.of("cleanup.policy", "compact")));
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
    static void stopServers() {
        sqs.close();
        elasticMq.stopAndWait();
    }

    @AfterEach
    void stopPollers() {
        pollers.forEach(EventSourcePoller::stop);
    }

    @Test
    void deliversAShardInOrderInBatchesOfBatchSizeWithAwsEventShape() {
        String stream = streams.create(1);
        List<String> sequences = streams.put(stream, "key-1", Streams.numbered("record-", 0, 12));
        start(Streams.mapping(stream).batchSize(5), new RecordingEvents());

        function.awaitDelivered(12);
        assertThat(function.succeeded).extracting(List::size).containsExactly(5, 5, 2);
        assertThat(function.delivered()).extracting(Delivered::sequenceNumber).containsExactlyElementsOf(sequences);
        var record = function.events.getFirst().path("Records").get(0);
        assertThat(record.path("eventSource").asString()).isEqualTo("aws:kinesis");
        assertThat(record.path("eventVersion").asString()).isEqualTo("1.0");
        assertThat(record.path("eventName").asString()).isEqualTo("aws:kinesis:record");
        assertThat(record.path("eventID").asString()).isEqualTo("shardId-000000000000:" + sequences.getFirst());
        assertThat(record.path("eventSourceARN").asString()).isEqualTo(stream);
        assertThat(record.path("awsRegion").asString()).isEqualTo("us-east-1");
        assertThat(record.path("invokeIdentityArn").asString()).startsWith("arn:aws:iam::000000000000:role/");
        var kinesis = record.path("kinesis");
        assertThat(kinesis.path("kinesisSchemaVersion").asString()).isEqualTo("1.0");
        assertThat(kinesis.path("partitionKey").asString()).isEqualTo("key-1");
        assertThat(kinesis.path("data").asString()).isEqualTo("cmVjb3JkLTA="); // "record-0"
        assertThat(kinesis.path("approximateArrivalTimestamp").isNumber()).isTrue();
        assertThat(kinesis.path("approximateArrivalTimestamp").asDouble())
                .isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(120.0));
        var iteratorAge = meters.find(IteratorAge.NAME)
                .tag("mapping", function.mappingUuid)
                .gauge();
        assertThat(iteratorAge).as("IteratorAge").isNotNull();
        assertThat(iteratorAge.value()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theBatchingWindowGathersRecordsReadInSeveralGetRecordsIntoOneBatch() throws InterruptedException {
        String stream = streams.create(1);
        var events = new RecordingEvents();
        start(Streams.mapping(stream).batchSize(100).window(2), events);
        awaitTold(events, "reading");
        for (int i = 0; i < 3; i++) {
            streams.put(stream, "k", List.of("record-" + i));
            Thread.sleep(150); // longer than the test poll interval: each record comes with its own GetRecords
        }

        function.awaitDelivered(3);
        assertThat(function.succeeded).hasSize(1);
        assertThat(function.data()).containsExactly("record-0", "record-1", "record-2");
    }

    @Test
    void aRestartedPollerResumesRightAfterTheLastProcessedRecord() {
        String stream = streams.create(1);
        streams.put(stream, "key-1", Streams.numbered("record-", 0, 10));
        Streams.Mapping mapping = Streams.mapping(stream).batchSize(4);
        EventSourcePoller first = start(mapping, new RecordingEvents());
        function.awaitDelivered(10);
        first.stop();
        pollers.remove(first);

        streams.put(stream, "key-1", Streams.numbered("record-", 10, 7));
        start(mapping, new RecordingEvents());
        function.awaitDelivered(17);
        assertThat(function.data()).containsExactlyElementsOf(Streams.numbered("record-", 0, 17));
    }

    @Test
    void latestSkipsWhatCameBeforeTheMappingAndAtTimestampStartsThere() throws InterruptedException {
        String stream = streams.create(1);
        streams.put(stream, "k", Streams.numbered("before-", 0, 3));
        Thread.sleep(50);
        Instant between = Instant.now();
        Thread.sleep(50);
        streams.put(stream, "k", Streams.numbered("after-", 0, 2));

        StreamFunction atTimestamp = new StreamFunction();
        start(Streams.mapping(stream).starting("AT_TIMESTAMP", between), new RecordingEvents(), atTimestamp);
        atTimestamp.awaitDelivered(2);
        assertThat(atTimestamp.data()).containsExactly("after-0", "after-1");

        var events = new RecordingEvents();
        start(Streams.mapping(stream).starting("LATEST", null), events);
        awaitTold(events, "reading");
        // LATEST begins once the shard's reader asked for its iterator: put until a record arrives.
        for (int i = 0; function.delivered().isEmpty(); i++) {
            streams.put(stream, "k", List.of("later-" + i));
            Thread.sleep(200);
        }
        assertThat(function.data()).allMatch(d -> d.startsWith("later-"));
    }

    @Test
    void afterASplitTheParentIsReadToItsEndBeforeItsChildren() {
        String stream = streams.create(1);
        Map<String, List<String>> put = new LinkedHashMap<>();
        for (int k = 0; k < 6; k++) {
            put.put("key-" + k, new ArrayList<>(Streams.numbered("key-" + k + "-before-", 0, 3)));
            streams.put(stream, "key-" + k, put.get("key-" + k));
        }
        streams.split(stream, "shardId-000000000000");
        for (int k = 0; k < 6; k++) {
            List<String> after = Streams.numbered("key-" + k + "-after-", 0, 3);
            streams.put(stream, "key-" + k, after);
            put.get("key-" + k).addAll(after);
        }
        List<Shard> shards = streams.shards(stream);
        assertThat(shards).hasSize(3);

        start(Streams.mapping(stream).batchSize(4), new RecordingEvents());
        function.awaitDelivered(36);
        List<Delivered> delivered = function.delivered();
        assertThat(delivered).hasSize(36);
        for (var key : put.entrySet()) {
            assertThat(delivered.stream().filter(d -> d.partitionKey().equals(key.getKey())))
                    .extracting(Delivered::data)
                    .as("order of %s across the split", key.getKey())
                    .containsExactlyElementsOf(key.getValue());
        }
        int lastParent = lastIndex(delivered, d -> d.shardId().equals("shardId-000000000000"));
        int firstChild = IntStream.range(0, delivered.size())
                .filter(i -> !delivered.get(i).shardId().equals("shardId-000000000000"))
                .findFirst()
                .orElseThrow();
        assertThat(lastParent).as("every parent record before any child record").isLessThan(firstChild);
    }

    @Test
    void afterAMergeBothParentsAreReadToTheirEndsBeforeTheChild() {
        String stream = streams.create(2);
        Map<String, List<String>> put = new LinkedHashMap<>();
        for (int k = 0; k < 6; k++) {
            put.put("key-" + k, new ArrayList<>(Streams.numbered("key-" + k + "-before-", 0, 2)));
            streams.put(stream, "key-" + k, put.get("key-" + k));
        }
        streams.merge(stream, "shardId-000000000000", "shardId-000000000001");
        for (int k = 0; k < 6; k++) {
            List<String> after = Streams.numbered("key-" + k + "-after-", 0, 2);
            streams.put(stream, "key-" + k, after);
            put.get("key-" + k).addAll(after);
        }
        assertThat(streams.shards(stream)).hasSize(3);

        start(Streams.mapping(stream).batchSize(3), new RecordingEvents());
        function.awaitDelivered(24);
        List<Delivered> delivered = function.delivered();
        assertThat(delivered).hasSize(24);
        for (var key : put.entrySet()) {
            assertThat(delivered.stream().filter(d -> d.partitionKey().equals(key.getKey())))
                    .extracting(Delivered::data)
                    .as("order of %s across the merge", key.getKey())
                    .containsExactlyElementsOf(key.getValue());
        }
        int lastParent = lastIndex(delivered, d -> !d.shardId().equals("shardId-000000000002"));
        int firstChild = IntStream.range(0, delivered.size())
                .filter(i -> delivered.get(i).shardId().equals("shardId-000000000002"))
                .findFirst()
                .orElseThrow();
        assertThat(lastParent)
                .as("both parents' records before any of the child's")
                .isLessThan(firstChild);
    }

    @Test
    void aPartialBatchResponseRetriesFromTheLowestFailedRecordOnly() {
        String stream = streams.create(1);
        List<String> sequences = streams.put(stream, "k", Streams.numbered("record-", 0, 6));
        java.util.concurrent.atomic.AtomicBoolean failedOnce = new java.util.concurrent.atomic.AtomicBoolean();
        function.partial =
                batch -> !failedOnce.getAndSet(true) ? List.of(sequences.get(4), sequences.get(3)) : List.of();
        start(Streams.mapping(stream).batchSize(10).reportBatchItemFailures(), new RecordingEvents());

        function.awaitDelivered(3);
        assertThat(function.failed).hasSize(1);
        assertThat(function.failed.getFirst())
                .extracting(Delivered::data)
                .containsExactlyElementsOf(Streams.numbered("record-", 0, 6));
        assertThat(function.succeeded).hasSize(1);
        assertThat(function.data()).containsExactly("record-3", "record-4", "record-5");
    }

    @Test
    void bisectionIsolatesTheFailingRecordWhichGoesToTheOnFailureQueueAfterItsRetries() {
        String stream = streams.create(1);
        List<String> sequences = streams.put(stream, "k", Streams.numbered("record-", 0, 4));
        String queue = queue();
        function.failWhile = batch -> batch.stream().anyMatch(d -> d.data().equals("record-2"));
        start(
                Streams.mapping(stream)
                        .batchSize(4)
                        .bisect()
                        .maximumRetryAttempts(0)
                        .onFailure(queue),
                new RecordingEvents());

        JsonNode record = awaitFailureRecord(queue);
        function.awaitDelivered(3);
        assertThat(function.data()).containsExactly("record-0", "record-1", "record-3");
        assertThat(function.failed)
                .extracting(b -> b.stream().map(Delivered::data).toList())
                .containsExactly(
                        List.of("record-0", "record-1", "record-2", "record-3"),
                        List.of("record-2", "record-3"),
                        List.of("record-2"));
        assertThat(record.path("version").asString()).isEqualTo("1.0");
        assertThat(record.path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(record.path("requestContext").path("functionArn").asString()).isEqualTo(Streams.FUNCTION);
        assertThat(record.path("requestContext").path("condition").asString()).isEqualTo("RetryAttemptsExhausted");
        assertThat(record.path("requestContext").path("approximateInvokeCount").asInt())
                .isEqualTo(3);
        assertThat(record.path("requestContext").path("requestId").asString()).isNotBlank();
        assertThat(record.path("responseContext").path("statusCode").asInt()).isEqualTo(200);
        assertThat(record.path("responseContext").path("executedVersion").asString())
                .isEqualTo("$LATEST");
        assertThat(record.path("responseContext").path("functionError").asString())
                .isEqualTo("Unhandled");
        JsonNode info = record.path("KinesisBatchInfo");
        assertThat(info.path("shardId").asString()).isEqualTo("shardId-000000000000");
        assertThat(info.path("startSequenceNumber").asString()).isEqualTo(sequences.get(2));
        assertThat(info.path("endSequenceNumber").asString()).isEqualTo(sequences.get(2));
        assertThat(info.path("batchSize").asInt()).isEqualTo(1);
        assertThat(info.path("streamArn").asString()).isEqualTo(stream);
        assertThat(info.path("approximateArrivalOfFirstRecord").asString()).endsWith("Z");
        assertThat(info.path("approximateArrivalOfLastRecord").asString()).endsWith("Z");
    }

    @Test
    void recordsPastTheirMaximumAgeAreDiscardedToTheOnFailureQueueAndTheShardGoesOn() {
        String stream = streams.create(1);
        List<String> sequences = streams.put(stream, "k", Streams.numbered("old-", 0, 2));
        String queue = queue();
        function.failWhile = batch -> batch.stream().anyMatch(d -> d.data().startsWith("old-"));
        start(Streams.mapping(stream).maximumRecordAge(1).onFailure(queue), new RecordingEvents());

        JsonNode record = awaitFailureRecord(queue);
        assertThat(record.path("requestContext").path("condition").asString()).isEqualTo("RecordAgeExceeded");
        assertThat(record.path("KinesisBatchInfo").path("startSequenceNumber").asString())
                .isEqualTo(sequences.get(0));
        assertThat(record.path("KinesisBatchInfo").path("endSequenceNumber").asString())
                .isEqualTo(sequences.get(1));
        assertThat(record.path("KinesisBatchInfo").path("batchSize").asInt()).isEqualTo(2);
        // On a busy machine the records may be a second old before their first invoke: then they are
        // discarded uninvoked, and the record says so.
        assertThat(record.path("requestContext").path("approximateInvokeCount").asInt())
                .isEqualTo(function.failed.size());
        assertThat(record.has("responseContext")).isEqualTo(!function.failed.isEmpty());

        streams.put(stream, "k", List.of("new-0"));
        function.awaitDelivered(1);
        assertThat(function.data()).containsExactly("new-0");
    }

    @Test
    void withAParallelizationFactorAFailingKeyHoldsBackOnlyItsOwnLane() {
        String stream = streams.create(1);
        // "a" and "b" hash to different lanes of two.
        streams.put(stream, "a", Streams.numbered("a-", 0, 3));
        streams.put(stream, "b", Streams.numbered("b-", 0, 3));
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        function.failWhile = batch -> batch.getFirst().partitionKey().equals("a") && failures.incrementAndGet() <= 3;
        start(Streams.mapping(stream).batchSize(10).parallelization(2), new RecordingEvents());

        function.awaitDelivered(6);
        assertThat(function.succeeded.getFirst()).extracting(Delivered::data).containsExactly("b-0", "b-1", "b-2");
        assertThat(function.succeeded.getLast()).extracting(Delivered::data).containsExactly("a-0", "a-1", "a-2");
        assertThat(function.failed).hasSize(3);
    }

    @Test
    void filtersSeeTheDecodedDataAndWhatTheyDropIsNeverDelivered() {
        String stream = streams.create(1);
        streams.put(
                stream,
                "k",
                List.of(
                        "{\"kind\":\"order\",\"n\":0}",
                        "{\"kind\":\"refund\",\"n\":1}",
                        "not json",
                        "{\"kind\":\"order\",\"n\":3}"));
        start(Streams.mapping(stream).filters(List.of("{\"data\":{\"kind\":[\"order\"]}}")), new RecordingEvents());

        function.awaitDelivered(2);
        assertThat(function.data()).containsExactly("{\"kind\":\"order\",\"n\":0}", "{\"kind\":\"order\",\"n\":3}");
    }

    @Test
    void twoReplicasShareTheShardsAndNeverDeliverARecordTwice() {
        String stream = streams.create(4);
        List<String> shardIds =
                streams.shards(stream).stream().map(Shard::shardId).toList();
        // A mapping whose four shards fall in the four lease partitions: each replica gets two.
        Streams.Mapping mapping =
                Streams.mapping(stream).uuid(spreading(shardIds)).batchSize(10);
        StreamFunction other = new StreamFunction();
        start(mapping, new RecordingEvents());
        start(mapping, new RecordingEvents(), other);
        awaitBalancedGroup("ignis-kinesis-" + mapping.uuid);
        List<String> sequences = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            sequences.addAll(streams.put(stream, "key-" + k, Streams.numbered("key-" + k + "-", 0, 10)));
        }

        StreamFunction.await(
                () -> function.delivered().size() + other.delivered().size() >= 200,
                () -> "delivered "
                        + (function.delivered().size() + other.delivered().size()) + " of 200");
        List<String> all = new ArrayList<>();
        function.delivered().forEach(d -> all.add(d.sequenceNumber()));
        other.delivered().forEach(d -> all.add(d.sequenceNumber()));
        assertThat(all).hasSize(200).containsExactlyInAnyOrderElementsOf(sequences);
        assertThat(new HashSet<>(all)).hasSize(200);
        assertThat(function.delivered()).as("records read by the first replica").isNotEmpty();
        assertThat(other.delivered()).as("records read by the second replica").isNotEmpty();
    }

    @Test
    void aMissingStreamAndAnUnreachableEndpointAreReportedAsProblems() {
        var missing = new RecordingEvents();
        start(Streams.mapping(Streams.arn("no-such-stream")), missing);
        awaitTold(missing, "problem: " + KinesisPoller.STREAM_NOT_FOUND);

        var unreachable = new RecordingEvents();
        var properties =
                Streams.properties(URI.create("http://127.0.0.1:1"), null, broker.getBrokersAsString(), CHECKPOINTS);
        EventSourcePoller poller = new KinesisPollerFactory(properties, function, meters)
                .create(Streams.mapping(Streams.arn("anything")).snapshot(), unreachable);
        poller.start();
        pollers.add(poller);
        awaitTold(unreachable, "problem: " + dev.ignis.eventsource.poller.ProcessingResults.CONNECTION_ERROR);
        assertThat(missing.told).doesNotContain("reading");
        assertThat(unreachable.told).doesNotContain("reading");
    }

    /** A mapping UUID whose shard checkpoint keys land in distinct partitions of the checkpoint topic. */
    private static String spreading(List<String> shardIds) {
        while (true) {
            String uuid = java.util.UUID.randomUUID().toString();
            var partitions = shardIds.stream()
                    .map(id ->
                            org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                                            (uuid + "/" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                                    % 4)
                    .collect(java.util.stream.Collectors.toSet());
            if (partitions.size() == shardIds.size()) {
                return uuid;
            }
        }
    }

    /** Waits until both members of the lease group hold partitions, so records put now are shared. */
    private void awaitBalancedGroup(String group) {
        try (var admin =
                org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            StreamFunction.await(
                    () -> {
                        try {
                            var description = admin.describeConsumerGroups(List.of(group))
                                    .describedGroups()
                                    .get(group)
                                    .get();
                            return description.groupState() == org.apache.kafka.common.GroupState.STABLE
                                    && description.members().size() == 2
                                    && description.members().stream()
                                            .allMatch(m -> m.assignment()
                                                            .topicPartitions()
                                                            .size()
                                                    == 2);
                        } catch (Exception e) {
                            return false;
                        }
                    },
                    () -> "group " + group + " never balanced");
        }
    }

    private static int lastIndex(List<Delivered> delivered, java.util.function.Predicate<Delivered> test) {
        int last = -1;
        for (int i = 0; i < delivered.size(); i++) {
            if (test.test(delivered.get(i))) {
                last = i;
            }
        }
        return last;
    }

    private static String queue() {
        String name = "failures-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        sqs.createQueue(r -> r.queueName(name));
        return "arn:aws:sqs:us-east-1:000000000000:" + name;
    }

    private static JsonNode awaitFailureRecord(String queueArn) {
        String url = sqs.getQueueUrl(r -> r.queueName(queueArn.substring(queueArn.lastIndexOf(':') + 1)))
                .queueUrl();
        List<Message> received = new ArrayList<>();
        StreamFunction.await(
                () -> {
                    received.addAll(sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1))
                            .messages());
                    return !received.isEmpty();
                },
                () -> "no OnFailure record in " + queueArn);
        assertThat(received).hasSize(1);
        return JSON.readTree(received.getFirst().body());
    }

    private static void awaitTold(RecordingEvents events, String news) {
        StreamFunction.await(() -> events.told.contains(news), () -> "never told " + news + ": " + events.told);
    }

    EventSourcePoller start(Streams.Mapping mapping, RecordingEvents events) {
        return start(mapping, events, function);
    }

    EventSourcePoller start(Streams.Mapping mapping, RecordingEvents events, StreamFunction fn) {
        var properties = Streams.properties(
                Kinesalite.shared().endpoint(), sqsEndpoint, broker.getBrokersAsString(), CHECKPOINTS);
        fn.mappingUuid = mapping.uuid;
        EventSourcePoller poller = new KinesisPollerFactory(properties, fn, meters).create(mapping.snapshot(), events);
        poller.start();
        pollers.add(poller);
        return poller;
    }
}
