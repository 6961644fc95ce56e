package dev.ignis.bench.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The crash test's verdict (bench/crash-async.sh): reads every invocation record of one function
 * from the destination topic and compares the events it carries with the ones the sender got a
 * 202 for. Prints {@code acknowledged}, {@code processed}, {@code lost} (acknowledged, never
 * processed: the goal is 0) and {@code duplicates} (processed more than once).
 *
 * <p>Usage: {@code CountDeliveries <bootstrap> <topic> <functionArn> <acked-seq-file> [quiet-seconds]}:
 * it reads until the topic has been quiet for {@code quiet-seconds} (default 20).
 */
public final class CountDeliveries {

    private static final Pattern SEQ = Pattern.compile("\"requestPayload\":\\{\"seq\":(\\d+)");

    private CountDeliveries() {}

    public static void main(String[] args) throws IOException {
        String functionArn = args[2];
        Set<Long> acknowledged = new HashSet<>();
        for (String line : Files.readAllLines(Path.of(args[3]))) {
            if (!line.isBlank()) {
                acknowledged.add(Long.parseLong(line.strip()));
            }
        }
        Duration quiet = Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 20);
        Map<Long, Integer> seen = read(args[0], args[1], "\"functionArn\":\"" + functionArn + ":$LATEST\"", quiet);
        long lost = acknowledged.stream().filter(s -> !seen.containsKey(s)).count();
        long duplicates =
                seen.values().stream().mapToLong(n -> n - 1).filter(n -> n > 0).sum();
        System.out.printf(
                "acknowledged %d  processed %d  lost %d  duplicates %d  (records %d)%n",
                acknowledged.size(),
                seen.size(),
                lost,
                duplicates,
                seen.values().stream().mapToLong(Integer::longValue).sum());
    }

    private static Map<Long, Integer> read(String bootstrap, String topic, String marker, Duration quiet) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "crash-count-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<Long, Integer> seen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < quiet.toNanos()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    quietSince = System.nanoTime();
                    String value = record.value();
                    Matcher m = SEQ.matcher(value);
                    if (value.contains(marker) && m.find()) {
                        seen.merge(Long.parseLong(m.group(1)), 1, Integer::sum);
                    }
                }
            }
        }
        return seen;
    }
}
