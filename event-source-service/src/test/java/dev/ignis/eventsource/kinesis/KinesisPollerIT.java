package dev.ignis.eventsource.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.eventsource.kinesis.StreamFunction.Delivered;
import dev.ignis.eventsource.poller.EventSourcePoller;
import dev.ignis.eventsource.poller.PollerEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Kinesis pollers against kinesalite (a real Kinesis API on loopback), with checkpoints and leases
 * on a real KRaft broker, invoking a recording function through the invoke port.
 */
@EmbeddedKafka
class KinesisPollerIT {

    static final String CHECKPOINTS = "ignis.eventsource.kinesis.checkpoints";

    static Streams streams;

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
    }

    @AfterEach
    void stopPollers() {
        pollers.forEach(EventSourcePoller::stop);
    }

    @Test
    void deliversAShardInOrderInBatchesOfBatchSizeWithAwsEventShape() {
        String stream = streams.create(1);
        List<String> sequences = streams.put(stream, "key-1", Streams.numbered("record-", 0, 12));
        start(Streams.mapping(stream).batchSize(5), new Events());

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
    }

    EventSourcePoller start(Streams.Mapping mapping, Events events) {
        return start(mapping, events, function);
    }

    EventSourcePoller start(Streams.Mapping mapping, Events events, StreamFunction fn) {
        var properties =
                Streams.properties(Kinesalite.shared().endpoint(), null, broker.getBrokersAsString(), CHECKPOINTS);
        EventSourcePoller poller = new KinesisPollerFactory(properties, fn, meters).create(mapping.snapshot(), events);
        poller.start();
        pollers.add(poller);
        return poller;
    }

    /** What a poller told about its mapping, in order. */
    static final class Events implements PollerEvents {
        final List<String> told = new CopyOnWriteArrayList<>();

        @Override
        public void reading() {
            told.add("reading");
        }

        @Override
        public void problem(String lastProcessingResult) {
            told.add("problem: " + lastProcessingResult);
        }

        @Override
        public void processed(String lastProcessingResult) {
            told.add("processed: " + lastProcessingResult);
        }
    }
}
