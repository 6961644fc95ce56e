package dev.ignis.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ignis.contracts.registry.RegistryFeed;
import dev.ignis.contracts.registry.RegistryRecord;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * An invocation-service replica as far as the registry sees it: the shared {@link RegistryFeed}
 * fed from the real topic by a real consumer, and the {@code registry-view/applied} endpoint on a
 * real HTTP server. It applies each record {@code applyDelay} late, and not at all while held, so
 * a test can tell a write that waited for it from one that did not.
 */
final class ServingReplica implements AutoCloseable {

    private final RegistryFeed feed = new RegistryFeed(record -> {});
    private final HttpServer server;
    private final Thread consumer;
    private final Semaphore open = new Semaphore(1);
    private final Duration applyDelay;
    private volatile boolean running = true;

    ServingReplica(String bootstrapServers, Duration applyDelay) throws IOException {
        this.applyDelay = applyDelay;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ignis/v1/registry-view/applied", this::applied);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        consumer = Thread.ofPlatform().daemon().start(() -> consume(bootstrapServers));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Stops applying records until {@link #release}. */
    void hold() throws InterruptedException {
        open.acquire();
    }

    void release() {
        open.release();
    }

    boolean holds(String key) {
        return feed.holds(key);
    }

    boolean applied(String key, long sequence) {
        return !feed.isNewer(key, sequence);
    }

    private void consume(String bootstrapServers) {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "replica-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            kafka.subscribe(List.of(ChangeTopic.NAME));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(50))) {
                    apply(record);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            // closing
        } catch (RuntimeException e) {
            e.printStackTrace(); // the replica stops serving, and the test that needs it says so
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        open.acquire();
        try {
            Thread.sleep(applyDelay);
            Map<String, Object> headers = new HashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value());
            }
            feed.offer(RegistryRecord.decode(record.key(), headers::get, record.value()));
        } finally {
            open.release();
        }
    }

    private void applied(HttpExchange exchange) throws IOException {
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        String key = query.get("key");
        boolean applied;
        try {
            applied = feed.awaitApplied(
                    key, Long.parseLong(query.get("sequence")), Duration.ofMillis(Long.parseLong(query.get("waitMs"))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            applied = false;
        }
        byte[] body =
                ("{\"applied\":" + applied + ",\"holds\":" + feed.holds(key) + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        running = false;
        server.stop(0);
        consumer.interrupt();
    }
}
