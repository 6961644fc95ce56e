package dev.ignis.asyncqueue.queue;

import dev.ignis.contracts.invocation.AsyncInvocation;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Puts events on the async topic and its delayed-retry topics, keyed by function ARN, and returns
 * only once the broker acknowledged them ({@code acks=all}, idempotent producer): whatever this
 * returns for normally is durable, so a 202 or an offset commit may follow it.
 */
public class EventQueue {

    /** Epoch milliseconds before which a delayed event must not go back to the queue. */
    public static final String NOT_BEFORE = "ignis-not-before";

    private final Producer<String, byte[]> producer;
    private final String queueTopic;

    public EventQueue(Producer<String, byte[]> producer, String queueTopic) {
        this.producer = producer;
        this.queueTopic = queueTopic;
    }

    /** Queues an event for the workers. */
    public void enqueue(AsyncInvocation invocation) {
        send(queueTopic, invocation.functionArn(), QueuedEvent.encode(invocation), null);
    }

    /** Parks an event on a delayed-retry topic until {@code notBefore}. */
    public void delay(String tierTopic, AsyncInvocation invocation, Instant notBefore) {
        send(tierTopic, invocation.functionArn(), QueuedEvent.encode(invocation), notBefore);
    }

    /** Moves a delayed event, as it was stored, back to the queue. */
    public void requeue(String key, byte[] value) {
        send(queueTopic, key, value, null);
    }

    /** Publishes any record (a Kafka destination's invocation record) and waits for the broker's ack. */
    public void publish(String topic, String key, byte[] value) {
        send(topic, key, value, null);
    }

    private void send(String topic, String key, byte[] value, Instant notBefore) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        if (notBefore != null) {
            record.headers()
                    .add(
                            NOT_BEFORE,
                            ByteBuffer.allocate(Long.BYTES)
                                    .putLong(notBefore.toEpochMilli())
                                    .array());
        }
        CompletableFuture<Void> acked = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            if (error == null) {
                acked.complete(null);
            } else {
                acked.completeExceptionally(error);
            }
        });
        try {
            acked.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueUnavailableException(e);
        } catch (ExecutionException e) {
            throw new QueueUnavailableException(e.getCause());
        }
    }

    /** The broker did not acknowledge: nothing may be reported as accepted. */
    public static final class QueueUnavailableException extends RuntimeException {
        QueueUnavailableException(Throwable cause) {
            super("The event queue did not acknowledge the event", cause);
        }
    }
}
