package dev.ignis.eventsource.destination;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A mapping's {@code DestinationConfig.OnFailure} SQS queue, named by its ARN
 * ({@code arn:aws:sqs:<region>:<account>:<name>}); the queue URL is looked up once.
 */
public final class SqsFailureQueue {

    private final SqsClient sqs;
    private final String queueArn;
    private final Map<String, String> url = new ConcurrentHashMap<>(1);

    public SqsFailureQueue(SqsClient sqs, String queueArn) {
        this.sqs = sqs;
        this.queueArn = queueArn;
    }

    /** The region an OnFailure queue ARN names: where its client must point. */
    public static String regionOf(String queueArn) {
        return queueArn.split(":", 6)[3];
    }

    /** Sends one invocation record; throws (an SDK exception) when the queue refuses or cannot be reached. */
    public void send(String body) {
        String queueUrl = url.computeIfAbsent(queueArn, arn -> {
            String[] parts = arn.split(":", 6);
            return sqs.getQueueUrl(r -> r.queueName(parts[5]).queueOwnerAWSAccountId(parts[4]))
                    .queueUrl();
        });
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
    }
}
