package dev.ignis.eventsource.sqs;

import dev.ignis.eventsource.batch.BatchBuffer;
import dev.ignis.eventsource.batch.BatchLimits;
import dev.ignis.eventsource.filter.RecordFilter;
import dev.ignis.eventsource.poller.PollerEvents;
import dev.ignis.eventsource.poller.PollerMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One of a poller's concurrent lanes, on its own virtual thread: receive (long polling), drop and
 * delete what the filters reject, gather a batch by size, window and payload, invoke, settle;
 * then again. A lane has at most one batch in flight, so a poller's concurrency is its lane count.
 */
final class ReceiveLane implements Runnable {

    /** What a lane asks of its poller. */
    interface Owner {

        boolean running();

        /**
         * Called before each invoke: false once the poller stopped, and the batch is not invoked.
         * Every true is followed by {@link #batchSettled}.
         */
        boolean batchStarting();

        void batchSettled();

        /** Whether this lane should end now (the poller scaled down); asked only with nothing buffered. */
        boolean retire(ReceiveLane lane);

        void ended(ReceiveLane lane);

        /** An invoke was throttled or could not reach the function: fewer lanes for a while. */
        void throttled();
    }

    private static final Logger log = LoggerFactory.getLogger(ReceiveLane.class);
    private static final int MAX_RECEIVE = 10;

    private final Owner owner;
    private final SqsQueue queue;
    private final SqsEventWriter writer;
    private final RecordFilter filter;
    private final BatchLimits limits;
    private final BatchProcessor processor;
    private final PollerEvents events;
    private final PollerMetrics metrics;
    private final int waitSeconds;
    private final Duration retryBackoff;
    private final Clock clock;
    private final BatchBuffer<Received> buffer = new BatchBuffer<>();
    private long sequence;

    ReceiveLane(
            Owner owner,
            SqsQueue queue,
            SqsEventWriter writer,
            RecordFilter filter,
            BatchLimits limits,
            BatchProcessor processor,
            PollerEvents events,
            PollerMetrics metrics,
            Duration waitTime,
            Duration retryBackoff,
            Clock clock) {
        this.owner = owner;
        this.queue = queue;
        this.writer = writer;
        this.filter = filter;
        this.limits = limits;
        this.processor = processor;
        this.events = events;
        this.metrics = metrics;
        this.waitSeconds = (int) Math.min(20, waitTime.toSeconds());
        this.retryBackoff = retryBackoff;
        this.clock = clock;
    }

    Thread start(String name) {
        return Thread.ofVirtual().name(name).start(this);
    }

    @Override
    public void run() {
        try {
            while (owner.running() && !(buffer.isEmpty() && owner.retire(this))) {
                try {
                    cycle();
                } catch (RuntimeException e) {
                    // What was taken stays in the queue and comes back after its visibility timeout.
                    log.warn("SQS lane {}: {}", Thread.currentThread().getName(), e.toString());
                    pause(retryBackoff.toMillis());
                }
            }
        } finally {
            // Received but never invoked (the poller stopped, or its long poll ended after the stop):
            // visible again at once, for whoever polls next.
            List<Message> left = new ArrayList<>();
            while (!buffer.isEmpty()) {
                buffer.take(limits).records().forEach(r -> left.add(r.message()));
            }
            queue.release(left);
            owner.ended(this);
        }
    }

    private void cycle() {
        long now = clock.millis();
        if (buffer.due(limits, now)) {
            if (!owner.batchStarting()) {
                return;
            }
            BatchProcessor.Result result;
            try {
                result = processor.process(buffer.take(limits).records());
            } finally {
                owner.batchSettled();
            }
            if (result == BatchProcessor.Result.BACK_OFF) {
                owner.throttled();
                pause(retryBackoff.toMillis());
            }
            return;
        }
        int room = Math.min(MAX_RECEIVE, limits.batchSize() - buffer.size());
        long untilDue = buffer.untilDue(limits, now);
        int wait = untilDue < 0 ? waitSeconds : (int) Math.min(waitSeconds, untilDue / 1000);
        List<Message> messages = receive(Math.max(1, room), wait);
        if (messages == null) {
            return;
        }
        take(messages);
        if (messages.isEmpty() && wait == 0 && untilDue > 0) {
            // A short poll found nothing: wait out the window rather than asking again at once.
            pause(Math.min(untilDue, 1000));
        }
    }

    /**
     * One ReceiveMessage. A long poll is never cut short: the server would go on holding it and hand
     * the next message to a receiver that is gone, hiding it for a whole visibility timeout.
     */
    private List<Message> receive(int max, int wait) {
        try {
            List<Message> messages = queue.receive(max, wait);
            if (owner.running()) {
                events.reading();
            }
            return messages;
        } catch (SdkException e) {
            if (owner.running()) {
                events.problem(SqsQueue.problemOf(e));
                pause(retryBackoff.toMillis());
            }
            return null;
        }
    }

    private void take(List<Message> messages) {
        long now = clock.millis();
        List<Message> rejected = new ArrayList<>();
        for (Message m : messages) {
            byte[] json = writer.record(m);
            if (filter.isPassAll() || filter.matches(writer.filterView(m, json))) {
                buffer.add(new Received(m, json), sequence++, json.length, true, now);
            } else {
                rejected.add(m);
            }
        }
        if (!rejected.isEmpty()) {
            // Lambda deletes the messages its filters drop.
            queue.delete(rejected);
            metrics.filtered(rejected.size());
        }
    }

    private void pause(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        while (owner.running() && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
