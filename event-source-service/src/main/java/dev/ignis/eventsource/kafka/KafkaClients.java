package dev.ignis.eventsource.kafka;

import dev.ignis.eventsource.config.EventSourceProperties;
import dev.ignis.eventsource.poller.ProcessingResults;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka clients of one mapping: its consumer's settings, its OnFailure topic's producer, and a check
 * that the source is reachable.
 */
final class KafkaClients {

    private final KafkaSource source;
    private final Duration connectTimeout;
    private final Duration invokeTimeout;
    private final Duration destinationTimeout;

    KafkaClients(KafkaSource source, EventSourceProperties properties, Duration invokeTimeout) {
        this.source = source;
        this.connectTimeout = properties.kafka().connectTimeout();
        this.invokeTimeout = invokeTimeout;
        this.destinationTimeout = properties.kafka().destinationTimeout();
    }

    /** Null when the brokers answer, the credentials are accepted and the topic exists; else the problem. */
    String check() {
        Map<String, Object> config = common();
        config.put("request.timeout.ms", (int) connectTimeout.toMillis());
        config.put("default.api.timeout.ms", (int) connectTimeout.toMillis());
        Admin created;
        try {
            created = Admin.create(config);
        } catch (KafkaException e) {
            return problemOf(e);
        }
        try (Admin admin = created) {
            admin.describeTopics(List.of(source.topic()))
                    .allTopicNames()
                    .get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return problemOf(e.getCause());
        } catch (TimeoutException e) {
            return ProcessingResults.CONNECTION_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProcessingResults.CONNECTION_ERROR;
        }
    }

    KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = common();
        config.put("group.id", source.consumerGroupId());
        config.put("enable.auto.commit", false);
        config.put(
                "auto.offset.reset",
                source.startingPosition() == KafkaSource.StartingPosition.TRIM_HORIZON ? "earliest" : "latest");
        config.put("partition.assignment.strategy", CooperativeStickyAssignor.class.getName());
        // A revoked partition waits for its batch in flight inside poll: allow the longest invoke.
        config.put("max.poll.interval.ms", (int) invokeTimeout.plusMinutes(1).toMillis());
        config.put("max.poll.records", Math.max(500, source.limits().batchSize()));
        config.put("fetch.max.wait.ms", 100);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The producer of a Kafka OnFailure destination: the consumer's cluster and security, every replica's ack. */
    KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = common();
        int timeout = (int) destinationTimeout.toMillis();
        config.put("acks", "all");
        config.put("enable.idempotence", true);
        config.put("linger.ms", 0);
        config.put("request.timeout.ms", timeout);
        config.put("delivery.timeout.ms", timeout);
        config.put("max.block.ms", timeout);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private Map<String, Object> common() {
        Map<String, Object> config = new HashMap<>(source.security().clientProperties());
        config.put("bootstrap.servers", String.join(",", source.bootstrapServers()));
        config.put("client.id", "ignis-esm-" + source.uuid());
        return config;
    }

    /** The brokers refused the client's certificate, or wanted one (Lambda's words). */
    static final String SERVER_FAILED_TO_AUTHENTICATE = "PROBLEM: Server failed to authenticate Lambda.";

    /** The brokers' certificate is not trusted: no or another root CA, or a name it does not hold. */
    static final String FAILED_TO_AUTHENTICATE_SERVER = "PROBLEM: Lambda failed to authenticate server.";

    /** The secret's PEM could not be read as a certificate chain and (PKCS#8) key. */
    static final String INVALID_CERTIFICATE = "PROBLEM: Provided certificate or private key is invalid.";

    /** A Kafka client's failure in Lambda's words. */
    static String problemOf(Throwable e) {
        if (e instanceof SaslAuthenticationException) {
            return ProcessingResults.SASL_FAILED;
        }
        if (e instanceof SslAuthenticationException) {
            return causedByCertificate(e) ? FAILED_TO_AUTHENTICATE_SERVER : SERVER_FAILED_TO_AUTHENTICATE;
        }
        if (causedBy(e, ConfigException.class) || causedBy(e, InvalidConfigurationException.class)) {
            return INVALID_CERTIFICATE;
        }
        if (e instanceof AuthorizationException) {
            return ProcessingResults.NOT_AUTHORIZED;
        }
        if (e instanceof UnknownTopicOrPartitionException) {
            return ProcessingResults.TOPIC_NOT_FOUND;
        }
        return ProcessingResults.CONNECTION_ERROR;
    }

    /** Whether this side refused the peer's certificate (a failed check), not the peer this side's. */
    private static boolean causedByCertificate(Throwable e) {
        return causedBy(e, CertificateException.class) || causedBy(e, CertPathValidatorException.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
