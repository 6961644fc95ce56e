package dev.ignis.eventsource.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * This service's settings, under {@code ignis.event-source} (config/event-source-service.yml).
 *
 * @param registryUrl where pollers report a mapping's State and LastProcessingResult
 * @param maxPayloadBytes a batch is cut before its event would pass this (Lambda's 6 MB synchronous limit)
 * @param kafka the Kafka pollers' settings
 * @param sqs the SQS pollers' settings
 * @param kinesis the Kinesis pollers' settings
 */
@Validated
@ConfigurationProperties("ignis.event-source")
public record EventSourceProperties(
        @NotBlank String region,
        @NotBlank String accountId,
        @NotNull URI registryUrl,
        @DefaultValue("6291456") @Positive long maxPayloadBytes,
        @Valid @DefaultValue Kafka kafka,
        @Valid @DefaultValue Sqs sqs,
        @Valid @DefaultValue Kinesis kinesis) {

    /**
     * @param defaultBatchingWindow the window when a mapping sets none (Lambda's 500 ms for Kafka)
     * @param pollTimeout the longest one {@code poll} waits while nothing is due
     * @param retryBackoff the wait before a failed batch is tried again, doubled per failure
     * @param maxRetryBackoff the longest wait between two tries of one batch
     * @param maxBufferedPerPartition fetched records held per partition before it is paused
     * @param connectTimeout how long a poller tries to reach the brokers before it reports a connection problem
     * @param scaleInterval how often the concurrent batches are adjusted to the lag
     * @param scaleUpLag the lag (records) per concurrent batch above which one more runs, up to the partitions
     * @param credentials what each secret ARN named in SourceAccessConfigurations holds
     * @param sqsEndpoint where SQS on-failure destinations of Kafka mappings are sent; null: AWS's endpoint
     *     for the queue ARN's region
     * @param destinationTimeout how long one delivery to an OnFailure destination may take before it is
     *     counted as failed and tried again
     */
    public record Kafka(
            @DefaultValue("500ms") @NotNull Duration defaultBatchingWindow,
            @DefaultValue("100ms") @NotNull Duration pollTimeout,
            @DefaultValue("500ms") @NotNull Duration retryBackoff,
            @DefaultValue("30s") @NotNull Duration maxRetryBackoff,
            @DefaultValue("2000") @Positive int maxBufferedPerPartition,
            @DefaultValue("10s") @NotNull Duration connectTimeout,
            @DefaultValue("1s") @NotNull Duration scaleInterval,
            @DefaultValue("1000") @Positive long scaleUpLag,
            @DefaultValue Map<String, Credentials> credentials,
            URI sqsEndpoint,
            @DefaultValue("30s") @NotNull Duration destinationTimeout) {}

    /**
     * @param endpoint the SQS API (ElasticMQ locally); null: AWS's endpoint for the queue ARN's region
     * @param waitTime the long poll of one ReceiveMessage (Lambda's 20 s; at most 20 s)
     * @param initialConcurrency concurrent receive-and-invoke lanes a poller starts with (Lambda's 5),
     *     never more than the mapping's MaximumConcurrency
     * @param maxConcurrency the lanes of a mapping without MaximumConcurrency (Lambda's 1,000 for SQS)
     * @param scaleInterval how often the lanes are adjusted to the queue's backlog
     * @param scaleUpStep lanes added per interval while messages wait (Lambda: 300 per minute)
     * @param retryBackoff a lane's wait after a throttle, an unreachable invoke service or a queue error
     */
    public record Sqs(
            URI endpoint,
            @DefaultValue("20s") @NotNull Duration waitTime,
            @DefaultValue("5") @Positive int initialConcurrency,
            @DefaultValue("1000") @Positive int maxConcurrency,
            @DefaultValue("1s") @NotNull Duration scaleInterval,
            @DefaultValue("5") @Positive int scaleUpStep,
            @DefaultValue("1s") @NotNull Duration retryBackoff) {}

    /**
     * What a secret ARN named in a Kafka mapping's SourceAccessConfigurations holds, under the field
     * names of AWS's secrets: {@code username} and {@code password} for {@code BASIC_AUTH} and
     * {@code SASL_SCRAM_*_AUTH}; {@code certificate} (PEM: the client certificate chain, or for
     * {@code SERVER_ROOT_CA_CERTIFICATE} the brokers' root CA), {@code privateKey} (PEM, PKCS#8) and
     * {@code privateKeyPassword} (only for an encrypted key) for {@code CLIENT_CERTIFICATE_TLS_AUTH}.
     * Which fields an entry needs is checked when a mapping names it.
     */
    public record Credentials(
            String username, String password, String certificate, String privateKey, String privateKeyPassword) {

        public static Credentials basic(String username, String password) {
            return new Credentials(username, password, null, null, null);
        }

        public static Credentials certificate(String certificate, String privateKey, String privateKeyPassword) {
            return new Credentials(null, null, certificate, privateKey, privateKeyPassword);
        }

        @Override
        public String toString() {
            return "Credentials[" + (username != null ? username : "certificate") + "]";
        }
    }

    /**
     * @param endpoint the Kinesis API (kinesalite, LocalStack, a VPC endpoint); null: AWS's endpoint for the region
     * @param sqsEndpoint where SQS on-failure destinations are sent; null: AWS's endpoint for the region
     * @param checkpoints where shard checkpoints and leases live
     * @param pollInterval the wait before the next GetRecords of a shard that had nothing new (Lambda: 1 s)
     * @param getRecordsLimit the most records one GetRecords asks for (Kinesis allows 10,000)
     * @param maxBufferedPerShard records read ahead per shard before reading pauses
     * @param retryBackoff the wait before a failed batch is tried again, doubled per failure
     * @param maxRetryBackoff the longest wait between two tries of one batch
     * @param shardSyncInterval how often the shard list (ListShards) is read again, for resharding
     * @param cbor whether the Kinesis client speaks CBOR, as the AWS SDK does by default; false for an
     *     endpoint that cannot (kinesalite): the SDK then speaks JSON, for every Kinesis client of this JVM
     */
    public record Kinesis(
            URI endpoint,
            URI sqsEndpoint,
            @Valid @DefaultValue Checkpoints checkpoints,
            @DefaultValue("1s") @NotNull Duration pollInterval,
            @DefaultValue("10000") @Positive int getRecordsLimit,
            @DefaultValue("20000") @Positive int maxBufferedPerShard,
            @DefaultValue("500ms") @NotNull Duration retryBackoff,
            @DefaultValue("30s") @NotNull Duration maxRetryBackoff,
            @DefaultValue("10s") @NotNull Duration shardSyncInterval,
            @DefaultValue("true") boolean cbor) {}

    /**
     * Shard checkpoints: a compacted topic keyed {@code <mapping uuid>/<shard id>}; the consumer group
     * {@code ignis-kinesis-<mapping uuid>} on it hands its partitions, and so the shards whose keys
     * they hold, to one replica each.
     *
     * @param bootstrapServers the platform's Kafka
     * @param topic the compacted checkpoint topic
     */
    public record Checkpoints(
            @DefaultValue("localhost:9092") @NotBlank String bootstrapServers,
            @DefaultValue("ignis.eventsource.kinesis.checkpoints") @NotBlank String topic) {}
}
