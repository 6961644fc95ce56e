package dev.ignis.eventsource.sqs;

import dev.ignis.eventsource.poller.ProcessingResults;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * One mapping's queue through the AWS SDK: what the poller asks of SQS, nothing more. Thread-safe
 * (the SDK client is); every call may throw {@link SdkException}, which {@link #problemOf} words as
 * Lambda would.
 */
final class SqsQueue implements AutoCloseable {

    /** AWS's words for a queue that is not there (CreateEventSourceMapping's own message). */
    static final String QUEUE_NOT_FOUND = "PROBLEM: Error occurred while ReceiveMessage. SQS Error Code:"
            + " AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist"
            + " or you do not have access to it.";

    private static final Logger log = LoggerFactory.getLogger(SqsQueue.class);
    private static final int MAX_ENTRIES = 10;
    private static final int DELETE_ATTEMPTS = 3;

    /** What the poller needs to know about the queue. */
    record Attributes(String url, Duration visibilityTimeout, boolean fifo) {}

    private final SqsClient client;
    private final QueueArn arn;
    private volatile String url;

    SqsQueue(SqsClient client, QueueArn arn) {
        this.client = client;
        this.arn = arn;
    }

    /** Finds the queue's URL from its ARN and reads its visibility timeout. */
    Attributes resolve() {
        String found = client.getQueueUrl(r -> r.queueName(arn.name()).queueOwnerAWSAccountId(arn.account()))
                .queueUrl();
        Map<QueueAttributeName, String> attributes = client.getQueueAttributes(
                        r -> r.queueUrl(found).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                .attributes();
        url = found;
        long visibility = Long.parseLong(attributes.getOrDefault(QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
        return new Attributes(found, Duration.ofSeconds(visibility), arn.fifo());
    }

    /** One ReceiveMessage: up to {@code max} (≤ 10) messages, waiting up to {@code waitSeconds}. */
    List<Message> receive(int max, int waitSeconds) {
        return client.receiveMessage(r -> r.queueUrl(url)
                        .maxNumberOfMessages(max)
                        .waitTimeSeconds(waitSeconds)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All"))
                .messages();
    }

    /**
     * Deletes the messages, ten per DeleteMessageBatch. A call that fails is tried again; an entry
     * SQS refuses (its receipt handle is stale: the visibility timeout passed and another receiver
     * holds the message now) is left, and that receiver deletes it. Returns how many were deleted.
     */
    int delete(List<Message> messages) {
        int deleted = 0;
        for (List<Message> chunk : chunks(messages)) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle())
                        .build());
            }
            DeleteMessageBatchResponse response = deleteWithRetries(entries);
            if (response != null) {
                deleted += response.successful().size();
                response.failed()
                        .forEach(f -> log.debug(
                                "Queue {}: delete refused ({}), left to its visibility timeout", arn.name(), f.code()));
            }
        }
        return deleted;
    }

    /** Makes messages visible again at once: they were received but will not be invoked here. */
    void release(List<Message> messages) {
        for (List<Message> chunk : chunks(messages)) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle())
                        .visibilityTimeout(0)
                        .build());
            }
            try {
                client.changeMessageVisibilityBatch(r -> r.queueUrl(url).entries(entries));
            } catch (SdkException e) {
                log.debug("Queue {}: release failed, the visibility timeout frees them: {}", arn.name(), e.toString());
            }
        }
    }

    /** The visible messages waiting (ApproximateNumberOfMessages). */
    long backlog() {
        String visible = client.getQueueAttributes(
                        r -> r.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        return visible == null ? -1 : Long.parseLong(visible);
    }

    @Override
    public void close() {
        client.close();
    }

    /** A failed SQS call as LastProcessingResult, worded as Lambda words it. */
    static String problemOf(SdkException e) {
        if (e instanceof QueueDoesNotExistException) {
            return QUEUE_NOT_FOUND;
        }
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return "PROBLEM: Error occurred while ReceiveMessage. SQS Error Code: "
                    + service.awsErrorDetails().errorCode() + ". SQS Error Message: "
                    + service.awsErrorDetails().errorMessage();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return ProcessingResults.CONNECTION_ERROR;
            }
        }
        return "PROBLEM: " + headline(e.getMessage());
    }

    /** The SDK's messages can run to pages (every credential provider it tried): the first clause. */
    static String headline(String message) {
        if (message == null) {
            return "Error occurred while ReceiveMessage.";
        }
        int cut = message.length();
        for (String end : new String[] {" : ", ": [", "\n"}) {
            int at = message.indexOf(end);
            if (at > 0) {
                cut = Math.min(cut, at);
            }
        }
        String head = message.substring(0, Math.min(cut, 200)).strip();
        return head.endsWith(".") ? head : head + ".";
    }

    private DeleteMessageBatchResponse deleteWithRetries(List<DeleteMessageBatchRequestEntry> entries) {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.deleteMessageBatch(r -> r.queueUrl(url).entries(entries));
            } catch (SdkException e) {
                if (attempt == DELETE_ATTEMPTS) {
                    // The messages come back after their visibility timeout: delivered again, never lost.
                    log.warn("Queue {}: deleting {} messages failed: {}", arn.name(), entries.size(), e.toString());
                    return null;
                }
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
    }

    private static List<List<Message>> chunks(List<Message> messages) {
        List<List<Message>> chunks = new ArrayList<>();
        for (int i = 0; i < messages.size(); i += MAX_ENTRIES) {
            chunks.add(messages.subList(i, Math.min(messages.size(), i + MAX_ENTRIES)));
        }
        return chunks;
    }
}
