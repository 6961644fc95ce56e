package dev.ignis.eventsource.kinesis;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceKind;
import dev.ignis.eventsource.config.EventSourceProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** Streams on kinesalite, Kinesis mappings as the registry publishes them, and fast test settings. */
final class Streams {

    static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:consumer";
    static final String ACCOUNT = "000000000000";

    private static final AtomicInteger NAMES = new AtomicInteger();

    final KinesisClient kinesis;

    Streams(URI endpoint) {
        this.kinesis = KinesisClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /** A new ACTIVE stream; its ARN. */
    String create(int shards) {
        String name = "orders-" + NAMES.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        kinesis.createStream(r -> r.streamName(name).shardCount(shards));
        awaitActive(name);
        return arn(name);
    }

    static String arn(String name) {
        return "arn:aws:kinesis:us-east-1:" + ACCOUNT + ":stream/" + name;
    }

    static String name(String arn) {
        return arn.substring(arn.indexOf("stream/") + "stream/".length());
    }

    void awaitActive(String name) {
        StreamFunction.await(
                () -> kinesis.describeStreamSummary(r -> r.streamName(name))
                                .streamDescriptionSummary()
                                .streamStatus()
                        == StreamStatus.ACTIVE,
                () -> name + " is not ACTIVE");
    }

    /** Puts {@code data} with one partition key, in order; their sequence numbers. */
    List<String> put(String arn, String partitionKey, List<String> data) {
        List<String> sequences = new ArrayList<>();
        for (String d : data) {
            sequences.add(kinesis.putRecord(r -> r.streamName(name(arn))
                            .partitionKey(partitionKey)
                            .data(SdkBytes.fromString(d, StandardCharsets.UTF_8)))
                    .sequenceNumber());
        }
        return sequences;
    }

    static List<String> numbered(String prefix, int from, int count) {
        List<String> data = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            data.add(prefix + i);
        }
        return data;
    }

    List<Shard> shards(String arn) {
        return kinesis.listShards(r -> r.streamName(name(arn))).shards();
    }

    /** Splits the stream's only open shard in two at the middle of its hash key range. */
    void split(String arn, String shardId) {
        kinesis.splitShard(r -> r.streamName(name(arn))
                .shardToSplit(shardId)
                .newStartingHashKey("170141183460469231731687303715884105728"));
        awaitActive(name(arn));
    }

    /** Merges two adjacent shards into one. */
    void merge(String arn, String shardId, String adjacentShardId) {
        kinesis.mergeShards(r -> r.streamName(name(arn)).shardToMerge(shardId).adjacentShardToMerge(adjacentShardId));
        awaitActive(name(arn));
    }

    static Mapping mapping(String streamArn) {
        return new Mapping(streamArn);
    }

    /** A Kinesis mapping's settings, as CreateEventSourceMapping would store them. */
    static final class Mapping {
        String uuid = UUID.randomUUID().toString();
        final String streamArn;
        int batchSize = 100;
        int window;
        String startingPosition = "TRIM_HORIZON";
        Instant startingTimestamp;
        List<String> filters = List.of();
        String onFailure;
        boolean reportBatchItemFailures;
        boolean bisect;
        int maximumRetryAttempts = -1;
        int maximumRecordAge = -1;
        int parallelization = 1;

        Mapping(String streamArn) {
            this.streamArn = streamArn;
        }

        Mapping uuid(String id) {
            uuid = id;
            return this;
        }

        Mapping batchSize(int size) {
            batchSize = size;
            return this;
        }

        Mapping window(int seconds) {
            window = seconds;
            return this;
        }

        Mapping starting(String position, Instant at) {
            startingPosition = position;
            startingTimestamp = at;
            return this;
        }

        Mapping filters(List<String> patterns) {
            filters = patterns;
            return this;
        }

        Mapping onFailure(String queueArn) {
            onFailure = queueArn;
            return this;
        }

        Mapping reportBatchItemFailures() {
            reportBatchItemFailures = true;
            return this;
        }

        Mapping bisect() {
            bisect = true;
            return this;
        }

        Mapping maximumRetryAttempts(int attempts) {
            maximumRetryAttempts = attempts;
            return this;
        }

        Mapping maximumRecordAge(int seconds) {
            maximumRecordAge = seconds;
            return this;
        }

        Mapping parallelization(int factor) {
            parallelization = factor;
            return this;
        }

        EventSourceMappingSnapshot snapshot() {
            return new EventSourceMappingSnapshot(
                    uuid,
                    "arn:aws:lambda:us-east-1:" + ACCOUNT + ":event-source-mapping:" + uuid,
                    FUNCTION,
                    SourceKind.KINESIS,
                    streamArn,
                    null,
                    "Creating",
                    "USER_INITIATED",
                    true,
                    batchSize,
                    window,
                    filters,
                    startingPosition,
                    startingTimestamp,
                    onFailure,
                    reportBatchItemFailures,
                    bisect,
                    maximumRetryAttempts,
                    maximumRecordAge,
                    parallelization,
                    null,
                    null,
                    Instant.parse("2026-12-04T01:00:00Z"));
        }
    }

    static EventSourceProperties properties(URI kinesis, URI sqs, String kafka, String checkpointTopic) {
        return new EventSourceProperties(
                "us-east-1",
                ACCOUNT,
                URI.create("http://127.0.0.1:1"),
                6_291_456,
                new EventSourceProperties.Kafka(
                        Duration.ofMillis(500),
                        Duration.ofMillis(50),
                        Duration.ofMillis(50),
                        Duration.ofMillis(200),
                        2000,
                        Duration.ofSeconds(2),
                        Duration.ofMillis(200),
                        50,
                        java.util.Map.of(),
                        null,
                        Duration.ofSeconds(5)),
                null,
                new EventSourceProperties.Kinesis(
                        kinesis,
                        sqs,
                        new EventSourceProperties.Checkpoints(kafka, checkpointTopic),
                        Duration.ofMillis(100),
                        10_000,
                        20_000,
                        Duration.ofMillis(50),
                        Duration.ofMillis(200),
                        Duration.ofMillis(300),
                        false));
    }
}
