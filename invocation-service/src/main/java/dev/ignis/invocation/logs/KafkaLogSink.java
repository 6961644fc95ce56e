package dev.ignis.invocation.logs;

import dev.ignis.contracts.logs.FunctionLogLine;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes every log line to {@code ignis.function.logs}, keyed by log group so one function's
 * lines stay in order. The producer batches on its own thread; a send never blocks an invoke.
 */
public final class KafkaLogSink implements LogSink, AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final AtomicLong dropped = new AtomicLong();

    public KafkaLogSink(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public void publish(FunctionLogLine line) {
        try {
            producer.send(new ProducerRecord<>(topic, line.logGroup(), LogLineJson.bytes(line)), (metadata, error) -> {
                if (error != null) {
                    dropped.incrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            dropped.incrementAndGet();
        }
    }

    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(2));
    }
}
