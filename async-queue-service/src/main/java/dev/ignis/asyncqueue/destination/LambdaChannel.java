package dev.ignis.asyncqueue.destination;

import dev.ignis.asyncqueue.queue.EventQueue;
import dev.ignis.contracts.invocation.AsyncInvocation;
import java.time.Clock;
import java.util.UUID;

/** Another function: the record becomes a new {@code Event} invocation of it, with its own request id. */
public final class LambdaChannel implements Channel {

    private final EventQueue queue;
    private final Clock clock;

    public LambdaChannel(EventQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public String service() {
        return "lambda";
    }

    @Override
    public void send(DestinationArn destination, Outgoing message) {
        queue.enqueue(new AsyncInvocation(
                UUID.randomUUID().toString(), destination.arn(), message.body(), null, null, clock.instant(), 1));
    }
}
