package dev.ignis.asyncqueue.destination;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** SQS queues ({@code arn:aws:sqs:<region>:<account>:<queue>}) through the AWS SDK. */
public final class SqsChannel implements Channel {

    private final SqsClient sqs;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    public SqsChannel(SqsClient sqs) {
        this.sqs = sqs;
    }

    @Override
    public String service() {
        return "sqs";
    }

    @Override
    public void send(DestinationArn destination, Outgoing message) {
        String url = queueUrls.computeIfAbsent(destination.arn(), arn -> sqs.getQueueUrl(
                        r -> r.queueName(destination.resource()).queueOwnerAWSAccountId(destination.account()))
                .queueUrl());
        sqs.sendMessage(r -> r.queueUrl(url)
                .messageBody(message.body())
                .messageAttributes(message.attributes().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> MessageAttributeValue.builder()
                                .dataType(e.getValue().dataType())
                                .stringValue(e.getValue().value())
                                .build()))));
    }
}
