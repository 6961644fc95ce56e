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
import tools.jackson.databind.json.JsonMapper;

/**
 * The functions' log lines as invocation-service publishes them on {@code ignis.function.logs}: one
 * JSON record per line (platform-contracts' {@code FunctionLogLine}), whose {@code message} is the line.
 */
final class FunctionLogs {

    private static final String TOPIC = "ignis.function.logs";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FunctionLogs() {}

    /** Reads the topic from its beginning until every one of {@code expected} appeared in the lines. */
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
                consumer.poll(Duration.ofMillis(200))
                        .forEach(r -> logs.add(
                                JSON.readTree(r.value()).path("message").asString()));
                assertThat(String.join("\n", logs)).contains(expected);
            });
        }
    }
}
