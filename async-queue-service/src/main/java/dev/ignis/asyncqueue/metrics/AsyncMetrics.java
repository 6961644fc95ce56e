package dev.ignis.asyncqueue.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The asynchronous-invocation metrics, named after Lambda's CloudWatch metrics
 * (AsyncEventsReceived, AsyncEventAge, AsyncEventsDropped, DestinationDeliveryFailures,
 * DeadLetterErrors) and tagged by function ARN as addressed.
 */
@Component
public class AsyncMetrics {

    private final MeterRegistry registry;

    public AsyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(String function) {
        counter("lambda.async.events.received", function).increment();
    }

    /** The time from acceptance to the start of a try. */
    public void age(String function, Duration age) {
        Timer.builder("lambda.async.event.age")
                .tag("function", function)
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(age);
    }

    /** Given up with nowhere to send it: no OnFailure destination and no dead-letter queue. */
    public void dropped(String function, String condition) {
        Counter.builder("lambda.async.events.dropped")
                .tag("function", function)
                .tag("condition", condition)
                .register(registry)
                .increment();
    }

    public void outcome(String function, String outcome) {
        Counter.builder("lambda.async.outcomes")
                .tag("function", function)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void destinationDeliveryFailure(String function) {
        counter("lambda.destination.delivery.failures", function).increment();
    }

    public void deadLetterError(String function) {
        counter("lambda.dead.letter.errors", function).increment();
    }

    private Counter counter(String name, String function) {
        return Counter.builder(name).tag("function", function).register(registry);
    }
}
