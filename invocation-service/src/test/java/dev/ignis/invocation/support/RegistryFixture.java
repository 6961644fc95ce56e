package dev.ignis.invocation.support;

import com.sun.net.httpserver.HttpServer;
import dev.ignis.contracts.registry.AliasSnapshot;
import dev.ignis.contracts.registry.ConcurrencySnapshot;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.contracts.registry.ProvisionedConcurrencySnapshot;
import dev.ignis.contracts.registry.RegistryChange;
import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.ResourceType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the registry's part on the wire, as the invocation service sees it: serves packages at
 * {@code /ignis/v1/code/<sha>} over real HTTP and publishes real RegistryChange records (with the
 * registry's headers and sealed environment) to the real registry-changes topic.
 */
public final class RegistryFixture implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";

    private final HttpServer server;
    private final Map<String, byte[]> packages = new ConcurrentHashMap<>();
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final SecretKeySpec key;
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis());
    private final JsonMapper json = JsonMapper.builder().build();

    public RegistryFixture(String brokers, String topic, Path keyFile) throws IOException {
        this.topic = topic;
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        Files.createDirectories(keyFile.getParent());
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(raw));
        this.key = new SecretKeySpec(raw, "AES");
        this.producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", brokers, "acks", "all"), new StringSerializer(), new ByteArraySerializer());
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ignis/v1/code/", exchange -> {
            String hex = exchange.getRequestURI().getPath().substring("/ignis/v1/code/".length());
            byte[] zip = packages.get(hex);
            if (zip == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, zip.length);
                exchange.getResponseBody().write(zip);
            }
            exchange.close();
        });
        server.createContext("/ignis/v1/registry/changes", exchange -> {
            String key = java.net.URLDecoder.decode(
                    exchange.getRequestURI().getRawQuery().substring("key=".length()), StandardCharsets.UTF_8);
            Latest latest = this.latest.get(key);
            if (latest == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders()
                        .add(RegistryChangeHeaders.RESOURCE_TYPE, latest.type().name());
                exchange.getResponseHeaders().add(RegistryChangeHeaders.SEQUENCE, Long.toString(latest.sequence()));
                exchange.sendResponseHeaders(200, latest.value().length);
                exchange.getResponseBody().write(latest.value());
            }
            exchange.close();
        });
        server.start();
    }

    /** What the registry's read-through endpoint answers for a key. */
    private record Latest(ResourceType type, long sequence, byte[] value) {}

    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Stores a package; returns its base64 SHA-256 as the registry reports CodeSha256. */
    public String store(byte[] zip) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(zip);
            packages.put(HexFormat.of().formatHex(digest), zip);
            return Base64.getEncoder().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String arn(String name) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
    }

    /** A function snapshot as CreateFunction would publish it. */
    public FunctionSpec function(String name, String runtime, String handler, byte[] zip) {
        return new FunctionSpec(this, name, runtime, handler, store(zip));
    }

    void publish(ResourceType type, String arn, Object snapshot) {
        record(type, arn, snapshot, true);
    }

    /** Records the change as committed but does not publish it: only read-through can find it. */
    void commitUnpublished(ResourceType type, String arn, Object snapshot) {
        record(type, arn, snapshot, false);
    }

    private void record(ResourceType type, String arn, Object snapshot, boolean publish) {
        long seq = sequence.incrementAndGet();
        RegistryChange<Object> change =
                new RegistryChange<>(seq, type, arn, UUID.randomUUID().toString(), Instant.now(), snapshot);
        byte[] value = json.writeValueAsBytes(change);
        latest.put(change.key(), new Latest(type, seq, value));
        if (publish) {
            send(type, change.key(), seq, value);
        }
    }

    public void tombstone(ResourceType type, String arn) {
        send(type, type.keyFor(arn), sequence.incrementAndGet(), null);
    }

    private void send(ResourceType type, String key, long seq, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(RegistryChangeHeaders.RESOURCE_TYPE, type.name().getBytes(StandardCharsets.UTF_8));
        record.headers().add(RegistryChangeHeaders.SEQUENCE, Long.toString(seq).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void reserve(String name, int reserved) {
        publish(ResourceType.CONCURRENCY, arn(name), new ConcurrencySnapshot(arn(name), reserved));
    }

    public void unreserve(String name) {
        tombstone(ResourceType.CONCURRENCY, arn(name));
    }

    public void provision(String name, String version, int count) {
        String qualified = arn(name) + ":" + version;
        publish(
                ResourceType.PROVISIONED_CONCURRENCY,
                qualified,
                new ProvisionedConcurrencySnapshot(qualified, version, count));
    }

    public void alias(String function, String alias, String version, Map<String, Double> weights) {
        String aliasArn = arn(function) + ":" + alias;
        publish(
                ResourceType.ALIAS,
                aliasArn,
                new AliasSnapshot(
                        alias,
                        aliasArn,
                        function,
                        version,
                        weights,
                        "",
                        UUID.randomUUID().toString()));
    }

    String seal(Map<String, String> variables) {
        try {
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD("test".getBytes(StandardCharsets.UTF_8)); // the key id, as the registry does
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(variables));
            byte[] all = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return "v1:test:" + Base64.getEncoder().encodeToString(all);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        producer.close();
    }

    /** A function under construction; {@link #publish} sends it. */
    public static final class FunctionSpec {
        private final RegistryFixture registry;
        private final String name;
        private String runtime;
        private String handler;
        private String codeSha256;
        private int memory = 128;
        private int timeout = 3;
        private int ephemeralStorage = 512;
        private Map<String, String> variables = Map.of();
        private List<FunctionSnapshot.LayerRef> layers = List.of();

        FunctionSpec(RegistryFixture registry, String name, String runtime, String handler, String codeSha256) {
            this.registry = registry;
            this.name = name;
            this.runtime = runtime;
            this.handler = handler;
            this.codeSha256 = codeSha256;
        }

        public FunctionSpec memory(int mb) {
            this.memory = mb;
            return this;
        }

        public FunctionSpec timeout(int seconds) {
            this.timeout = seconds;
            return this;
        }

        public FunctionSpec ephemeralStorage(int mb) {
            this.ephemeralStorage = mb;
            return this;
        }

        public FunctionSpec environment(Map<String, String> variables) {
            this.variables = variables;
            return this;
        }

        public FunctionSpec layer(String name, byte[] zip) {
            String sha = registry.store(zip);
            List<FunctionSnapshot.LayerRef> all = new java.util.ArrayList<>(layers);
            all.add(new FunctionSnapshot.LayerRef(
                    "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":layer:" + name + ":1", sha, zip.length));
            this.layers = all;
            return this;
        }

        public FunctionSnapshot snapshot(String version) {
            String functionArn = version.equals("$LATEST") ? arn(name) : arn(name) + ":" + version;
            return new FunctionSnapshot(
                    name,
                    functionArn,
                    version,
                    runtime,
                    handler,
                    memory,
                    timeout,
                    ephemeralStorage,
                    codeSha256,
                    0,
                    layers,
                    variables.isEmpty() ? null : registry.seal(variables),
                    "arn:aws:iam::" + ACCOUNT + ":role/test",
                    "",
                    "Zip",
                    List.of("x86_64"),
                    "Active",
                    Instant.now(),
                    UUID.randomUUID().toString(),
                    null);
        }

        /** Publishes {@code $LATEST}. */
        public FunctionSnapshot publish() {
            FunctionSnapshot snapshot = snapshot("$LATEST");
            registry.publish(ResourceType.FUNCTION, arn(name), snapshot);
            return snapshot;
        }

        /** Commits {@code $LATEST} without publishing it, as if the outbox had not relayed it yet. */
        public FunctionSnapshot commitUnpublished() {
            FunctionSnapshot snapshot = snapshot("$LATEST");
            registry.commitUnpublished(ResourceType.FUNCTION, arn(name), snapshot);
            return snapshot;
        }

        /** Publishes a numbered version. */
        public FunctionSnapshot publishVersion(String version) {
            FunctionSnapshot snapshot = snapshot(version);
            registry.publish(ResourceType.FUNCTION_VERSION, arn(name) + ":" + version, snapshot);
            return snapshot;
        }
    }
}
