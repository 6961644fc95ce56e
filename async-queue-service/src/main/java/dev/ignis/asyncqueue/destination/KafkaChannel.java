package dev.ignis.asyncqueue.destination;

import dev.ignis.asyncqueue.queue.EventQueue;
import java.nio.charset.StandardCharsets;

/**
 * Kafka topics, named by Ignis's ARN form {@code arn:aws:kafka:<region>:<account>:topic/<topic-name>}
 * (AWS has no Kafka destination for asynchronous invocations). Keyed by the function's ARN.
 */
public final class KafkaChannel implements Channel {

    private static final String TOPIC_PREFIX = "topic/";

    private final EventQueue queue;

    public KafkaChannel(EventQueue queue) {
        this.queue = queue;
    }

    @Override
    public String service() {
        return "kafka";
    }

    @Override
    public void send(DestinationArn destination, Outgoing message) {
        if (!destination.resource().startsWith(TOPIC_PREFIX)) {
            throw new IllegalArgumentException("A Kafka destination is arn:aws:kafka:<region>:<account>:topic/<name>");
        }
        queue.publish(
                destination.resource().substring(TOPIC_PREFIX.length()),
                message.key(),
                message.body().getBytes(StandardCharsets.UTF_8));
    }
}
