package dev.ignis.bench.scenario;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * An SQS trigger end to end: for BatchSize 10 and then 100, {@code --messages} messages sent to a
 * new queue of the stack's SQS endpoint ({@code ./ignis up --sqs}: ElasticMQ), then a mapping drains
 * it through the python no-op (BatchSize 100 needs a batching window on AWS: 1 s, which a full queue
 * never waits out). Records per second as event-source-service counts them delivered.
 */
public record SqsTrigger() implements Scenario {

    private static final String NAME = "sqs";
    private static final String ACCOUNT = "000000000000";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(RunContext run) throws Exception {
        URI endpoint = run.options().endpoints().sqs();
        String region = run.options().key().region();
        String function = "bench-sqs";
        int messages = run.options().messages();
        try (SqsClient sqs = SourceDrain.localClient(SqsClient.builder(), endpoint, region);
                DeliveredRecords delivered =
                        new DeliveredRecords(run.options().endpoints().eventSource())) {
            try {
                sqs.listQueues();
            } catch (RuntimeException e) {
                run.skip(NAME, "no SQS API at " + endpoint + " (start the stack with ./ignis up --sqs): " + e);
                return;
            }
            SourceDrain.overBatchSizes(run, function, batch -> {
                String queue = "bench-sqs-" + System.currentTimeMillis() + "-" + batch;
                String url = sqs.createQueue(b -> b.queueName(queue)).queueUrl();
                fill(sqs, url, messages);
                String uuid = run.functions()
                        .lambda()
                        .createEventSourceMapping(b -> b.functionName(function)
                                .eventSourceArn("arn:aws:sqs:" + region + ":" + ACCOUNT + ":" + queue)
                                .batchSize(batch)
                                .maximumBatchingWindowInSeconds(batch > 10 ? 1 : 0))
                        .uuid();
                try {
                    SourceDrain.measure(run, NAME, delivered, uuid, messages, batch);
                    run.note(NAME + ": batches of " + batch + ", messages left in the queue: "
                            + sqs.getQueueAttributes(b -> b.queueUrl(url)
                                            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                                    .attributes()
                                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
                } finally {
                    run.functions().lambda().deleteEventSourceMapping(b -> b.uuid(uuid));
                    sqs.deleteQueue(b -> b.queueUrl(url));
                }
            });
        }
    }

    /** Ten messages a call, eight calls at a time: filling is not what is measured. */
    private static void fill(SqsClient sqs, String url, int messages) throws Exception {
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int from = 0; from < messages; from += 10) {
                int start = from;
                int count = Math.min(10, messages - from);
                sent.add(senders.submit(() -> {
                    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        entries.add(SendMessageBatchRequestEntry.builder()
                                .id(Integer.toString(i))
                                .messageBody("{\"order\":" + (start + i) + ",\"pad\":\"0123456789\"}")
                                .build());
                    }
                    var answer = sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
                    if (!answer.failed().isEmpty()) {
                        throw new IllegalStateException("SQS refused messages: " + answer.failed());
                    }
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
    }
}
