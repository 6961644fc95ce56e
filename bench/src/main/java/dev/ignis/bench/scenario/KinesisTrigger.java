package dev.ignis.bench.scenario;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * A Kinesis trigger end to end: for BatchSize 10 and then 100, {@code --messages} records put to a
 * new 4-shard stream of the stack's Kinesis endpoint ({@code ./ignis up --kinesis}: kinesalite), then
 * a mapping (TRIM_HORIZON, no window) drains it through the python no-op, one batch per shard at a
 * time as on Lambda with ParallelizationFactor 1. Records per second as event-source-service counts
 * them delivered.
 */
public record KinesisTrigger() implements Scenario {

    private static final String NAME = "kinesis";
    private static final String ACCOUNT = "000000000000";
    private static final int SHARDS = 4;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(RunContext run) throws Exception {
        // kinesalite answers CBOR the AWS SDK cannot read; the stack's pollers use JSON for it too.
        System.setProperty("aws.cborEnabled", "false");
        URI endpoint = run.options().endpoints().kinesis();
        String region = run.options().key().region();
        String function = "bench-kinesis";
        int records = run.options().messages();
        try (KinesisClient kinesis = SourceDrain.localClient(KinesisClient.builder(), endpoint, region);
                DeliveredRecords delivered =
                        new DeliveredRecords(run.options().endpoints().eventSource())) {
            try {
                kinesis.listStreams();
            } catch (RuntimeException e) {
                run.skip(NAME, "no Kinesis API at " + endpoint + " (start the stack with ./ignis up --kinesis): " + e);
                return;
            }
            SourceDrain.overBatchSizes(run, function, batch -> {
                String stream = "bench-kinesis-" + System.currentTimeMillis() + "-" + batch;
                kinesis.createStream(b -> b.streamName(stream).shardCount(SHARDS));
                awaitActive(kinesis, stream);
                fill(kinesis, stream, records);
                String uuid = run.functions()
                        .lambda()
                        .createEventSourceMapping(b -> b.functionName(function)
                                .eventSourceArn("arn:aws:kinesis:" + region + ":" + ACCOUNT + ":stream/" + stream)
                                .startingPosition("TRIM_HORIZON")
                                .batchSize(batch))
                        .uuid();
                try {
                    SourceDrain.measure(run, NAME, delivered, uuid, records, batch);
                } finally {
                    run.functions().lambda().deleteEventSourceMapping(b -> b.uuid(uuid));
                    kinesis.deleteStream(b -> b.streamName(stream));
                }
            });
        }
    }

    private static void awaitActive(KinesisClient kinesis, String stream) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (kinesis.describeStreamSummary(b -> b.streamName(stream))
                        .streamDescriptionSummary()
                        .streamStatus()
                != StreamStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Stream " + stream + " did not become ACTIVE");
            }
            Thread.sleep(100);
        }
    }

    /** 500 records a call (PutRecords' limit), spread over the shards by partition key. */
    private static void fill(KinesisClient kinesis, String stream, int records) {
        for (int from = 0; from < records; from += 500) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(records, from + 500); i++) {
                entries.add(PutRecordsRequestEntry.builder()
                        .partitionKey("key-" + i)
                        .data(SdkBytes.fromString(
                                "{\"order\":" + i + ",\"pad\":\"0123456789\"}", StandardCharsets.UTF_8))
                        .build());
            }
            var answer = kinesis.putRecords(b -> b.streamName(stream).records(entries));
            if (answer.failedRecordCount() != null && answer.failedRecordCount() > 0) {
                throw new IllegalStateException("Kinesis refused " + answer.failedRecordCount() + " records");
            }
        }
    }
}
