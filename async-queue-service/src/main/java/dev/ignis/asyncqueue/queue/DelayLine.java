package dev.ignis.asyncqueue.queue;

import dev.ignis.contracts.invocation.AsyncInvocation;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.Message;

/**
 * The {@code delayLine} function, bound to every delayed-retry topic (one consumer per topic): holds
 * each event until its {@link EventQueue#NOT_BEFORE} time and then moves it back to the queue. All
 * events of a topic wait about equally long, so waiting on the head of a partition delays nothing
 * that is due sooner. On shutdown a waiting event is left uncommitted and read again on restart.
 */
public final class DelayLine implements Consumer<Message<byte[]>>, SmartLifecycle {

    private static final long SLICE_MILLIS = 100;

    private final EventQueue queue;
    private final Clock clock;
    private volatile boolean running = true;

    public DelayLine(EventQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public void accept(Message<byte[]> message) {
        Object header = message.getHeaders().get(EventQueue.NOT_BEFORE);
        long notBefore = header instanceof byte[] bytes && bytes.length == Long.BYTES
                ? ByteBuffer.wrap(bytes).getLong()
                : 0;
        waitUntil(notBefore);
        AsyncInvocation event = QueuedEvent.decode(message.getPayload());
        queue.requeue(event.functionArn(), message.getPayload());
    }

    private void waitUntil(long epochMillis) {
        long wait;
        while ((wait = epochMillis - clock.millis()) > 0) {
            if (!running) {
                throw new IllegalStateException("Stopping: the delayed event stays on its topic");
            }
            try {
                Thread.sleep(Math.min(wait, SLICE_MILLIS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted: the delayed event stays on its topic", e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the bindings do, so that a waiting consumer lets go in time. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
