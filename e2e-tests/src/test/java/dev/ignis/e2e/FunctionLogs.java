package dev.ignis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The functions' log lines as invocation-service publishes them on {@code ignis.function.logs}. */
final class FunctionLogs {

    private static final String TOPIC = "ignis.function.logs";

    private FunctionLogs() {}

    /** Reads the topic from its beginning until every one of {@code expected} appeared in some line. */
    static void awaitLines(String bootstrapServers, Duration timeout, String... expected) {
        List<String> logs = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", bootstrapServers), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(timeout).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> logs.add(r.value()));
                assertThat(String.join("\n", logs)).contains(expected);
            });
        }
    }
}
