package dev.ignis.eventsource.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.eventsource.kafka.RecordingFunction.Delivered;
import dev.ignis.eventsource.poller.EventSourcePoller;
import dev.ignis.eventsource.poller.ProcessingResults;
import dev.ignis.eventsource.support.RecordingEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Kafka pollers against a real KRaft broker (spring-kafka-test's), invoking a recording function
 * through the invoke port: batches, the event, offsets, retries, restarts, filters and two replicas
 * in one consumer group.
 */
@EmbeddedKafka
class KafkaPollerIT {

    static final AtomicInteger TOPICS = new AtomicInteger();

    final EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
    private final TopicRecords topics = new TopicRecords(broker);
    final RecordingFunction function = new RecordingFunction();
    final List<EventSourcePoller> pollers = new ArrayList<>();

    @AfterEach
    void stopPollers() {
        pollers.forEach(EventSourcePoller::stop);
    }

    @Test
    void batchesHoldAtMostBatchSizeRecordsInOffsetOrderWithAwsEventShape() {
        String topic = topic(1);
        topics.produce(topic, 0, 0, 12);
        start(Mappings.kafka(broker.getBrokersAsString(), topic, null, 5, 1, List.of()), new RecordingEvents());

        function.awaitDelivered(12);
        assertThat(function.succeeded).extracting(List::size).containsExactly(5, 5, 2);
        assertThat(function.delivered())
                .extracting(Delivered::offset)
                .containsExactlyElementsOf(
                        IntStream.range(0, 12).mapToObj(i -> (long) i).toList());
        var event = function.events.getFirst();
        assertThat(event.path("eventSource").asString()).isEqualTo("SelfManagedKafka");
        assertThat(event.path("bootstrapServers").asString()).isEqualTo(broker.getBrokersAsString());
        var record = event.path("records").path(topic + "-0").get(0);
        assertThat(record.path("topic").asString()).isEqualTo(topic);
        assertThat(record.path("timestampType").asString()).isEqualTo("CREATE_TIME");
        assertThat(record.path("key").asString()).isEqualTo("a2V5LTA="); // "key-0"
        assertThat(record.path("headers").get(0).path("source").toString()).isEqualTo("[116,101,115,116]");
    }

    @Test
    void theWindowGathersRecordsThatArriveTogetherIntoOneBatch() {
        String topic = topic(1);
        var events = new RecordingEvents();
        start(Mappings.kafka(broker.getBrokersAsString(), topic, null, 100, 2, List.of()), events);
        awaitTold(events, "reading");
        topics.produce(topic, 0, 0, 3);

        function.awaitDelivered(3);
        assertThat(function.succeeded).hasSize(1);
        assertThat(function.values()).containsExactly("value-0", "value-1", "value-2");
    }

    @Test
    void aFailingBatchIsRetriedAndBlocksOnlyItsPartition() {
        String topic = topic(2);
        topics.produce(topic, 0, 0, 3);
        topics.produce(topic, 1, 100, 3);
        AtomicInteger failures = new AtomicInteger();
        function.failWhile = batch -> batch.getFirst().partition() == 0 && failures.incrementAndGet() <= 3;
        var events = new RecordingEvents();
        start(Mappings.kafka(broker.getBrokersAsString(), topic, null, 10, 0, List.of()), events);

        function.awaitDelivered(6);
        assertThat(function.failed).hasSize(3).allSatisfy(batch -> assertThat(batch)
                .extracting(Delivered::value)
                .containsExactly("value-0", "value-1", "value-2"));
        assertThat(function.succeeded.getFirst())
                .as("partition 1 went on while partition 0 failed")
                .extracting(Delivered::partition)
                .containsOnly(1);
        assertThat(function.succeeded.getLast())
                .extracting(Delivered::value)
                .containsExactly("value-0", "value-1", "value-2");
        assertThat(events.told).contains("processed: " + ProcessingResults.FUNCTION_FAILED);
        assertThat(events.told.getLast()).isEqualTo("processed: OK");
    }

    @Test
    void aRestartedPollerResumesAfterTheLastSuccessWithoutLossOrRepeat() {
        String topic = topic(1);
        String group = "group-" + topic;
        topics.produce(topic, 0, 0, 10);
        EventSourcePoller first = start(
                Mappings.kafka(broker.getBrokersAsString(), topic, group, 4, 0, List.of()), new RecordingEvents());
        function.awaitDelivered(10);
        first.stop();
        pollers.remove(first);

        topics.produce(topic, 0, 10, 7);
        start(Mappings.kafka(broker.getBrokersAsString(), topic, group, 4, 0, List.of()), new RecordingEvents());
        function.awaitDelivered(17);
        assertThat(function.values())
                .containsExactlyElementsOf(
                        IntStream.range(0, 17).mapToObj(i -> "value-" + i).toList());
        topics.awaitCommitted(group, topic, 17);
    }

    @Test
    void filteredOutRecordsAreNeverDeliveredButCountAsProcessed() {
        String topic = topic(1);
        String group = "group-" + topic;
        try (var producer = topics.producer()) {
            for (int i = 0; i < 6; i++) {
                String kind = i % 3 == 0 ? "order" : "refund";
                producer.send(
                        new ProducerRecord<>(topic, 0, null, bytes("{\"kind\":\"" + kind + "\",\"n\":" + i + "}")));
            }
            producer.send(new ProducerRecord<>(topic, 0, null, bytes("not json")));
        }
        start(
                Mappings.kafka(
                        broker.getBrokersAsString(),
                        topic,
                        group,
                        10,
                        0,
                        List.of("{\"value\":{\"kind\":[\"order\"]}}")),
                new RecordingEvents());

        function.awaitDelivered(2);
        topics.awaitCommitted(group, topic, 7);
        assertThat(function.values()).containsExactly("{\"kind\":\"order\",\"n\":0}", "{\"kind\":\"order\",\"n\":3}");
    }

    @Test
    void twoReplicasInOneGroupShareThePartitionsAndNeverDeliverARecordTwice() {
        String topic = topic(4);
        String group = "group-" + topic;
        start(Mappings.kafka(broker.getBrokersAsString(), topic, group, 10, 0, List.of()), new RecordingEvents());
        start(Mappings.kafka(broker.getBrokersAsString(), topic, group, 10, 0, List.of()), new RecordingEvents());
        for (int p = 0; p < 4; p++) {
            topics.produce(topic, p, p * 1000, 50);
        }

        function.awaitDelivered(200);
        topics.awaitCommitted(group, topic, 200);
        List<Delivered> all = function.delivered();
        assertThat(new HashSet<>(all)).hasSize(200);
        assertThat(all).hasSize(200);
    }

    @Test
    void anUnreachableBrokerIsReportedAsLambdaReportsIt() {
        var events = new RecordingEvents();
        start(Mappings.kafka("127.0.0.1:1", "orders", null, 10, 0, List.of()), events);
        awaitTold(events, "problem: " + ProcessingResults.CONNECTION_ERROR);
        assertThat(events.told).doesNotContain("reading");
    }

    private EventSourcePoller start(EventSourceMappingSnapshot mapping, RecordingEvents events) {
        return start(mapping, events, Map.of());
    }

    EventSourcePoller start(
            EventSourceMappingSnapshot mapping,
            RecordingEvents events,
            Map<String, dev.ignis.eventsource.config.EventSourceProperties.Credentials> credentials) {
        EventSourcePoller poller = new KafkaPollerFactory(
                        Mappings.properties(credentials), Duration.ofSeconds(30), function, new SimpleMeterRegistry())
                .create(mapping, events);
        poller.start();
        pollers.add(poller);
        return poller;
    }

    private String topic(int partitions) {
        String name = "orders-" + TOPICS.incrementAndGet();
        broker.addTopics(new NewTopic(name, partitions, (short) 1));
        return name;
    }

    static void awaitTold(RecordingEvents events, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!events.told.contains(what) && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(events.told).contains(what);
    }

    static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
