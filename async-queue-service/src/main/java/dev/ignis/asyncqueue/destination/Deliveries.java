package dev.ignis.asyncqueue.destination;

import dev.ignis.asyncqueue.metrics.AsyncMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends invocation records to destinations and events to dead-letter queues through the
 * {@link Channel} their ARN names. A delivery that fails is tried again, then logged and counted
 * ({@code DestinationDeliveryFailures} / {@code DeadLetterErrors}), never silently dropped.
 */
public final class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final Map<String, Channel> channels;
    private final AsyncMetrics metrics;
    private final int attempts;
    private final Duration backoff;

    public Deliveries(List<Channel> channels, AsyncMetrics metrics, int attempts, Duration backoff) {
        this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(Channel::service, Function.identity()));
        this.metrics = metrics;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    /** @return whether the destination took the record */
    public boolean toDestination(String destinationArn, String functionArn, Outgoing record) {
        boolean sent = deliver(destinationArn, record);
        if (!sent) {
            metrics.destinationDeliveryFailure(functionArn);
        }
        return sent;
    }

    /** @return whether the dead-letter queue took the event */
    public boolean toDeadLetterQueue(String targetArn, String functionArn, Outgoing event) {
        boolean sent = deliver(targetArn, event);
        if (!sent) {
            metrics.deadLetterError(functionArn);
        }
        return sent;
    }

    private boolean deliver(String arn, Outgoing message) {
        DestinationArn destination;
        try {
            destination = DestinationArn.parse(arn);
        } catch (IllegalArgumentException e) {
            log.error("Cannot deliver to {}: {}", arn, e.getMessage());
            return false;
        }
        Channel channel = channels.get(destination.service());
        if (channel == null) {
            log.error("Cannot deliver to {}: Ignis has no {} destinations", arn, destination.service());
            return false;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                channel.send(destination, message);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                if (attempt >= attempts) {
                    log.error("Delivery to {} failed {} times; giving up: {}", arn, attempt, e.toString());
                    return false;
                }
                log.warn("Delivery to {} failed (try {} of {}): {}", arn, attempt, attempts, e.toString());
                if (!pause(backoff.multipliedBy(attempt))) {
                    return false;
                }
            }
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
