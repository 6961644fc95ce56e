package dev.ignis.eventsource.sqs;

import dev.ignis.eventsource.batch.BatchLimits;
import dev.ignis.eventsource.config.EventSourceProperties;
import dev.ignis.eventsource.filter.RecordFilter;
import dev.ignis.eventsource.invoke.FunctionInvoker;
import dev.ignis.eventsource.poller.EventSourcePoller;
import dev.ignis.eventsource.poller.PollerEvents;
import dev.ignis.eventsource.poller.PollerMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One SQS mapping's poller. Its own thread finds the queue (reporting, as Lambda does, a queue that
 * is not there or an endpoint that does not answer), then runs the {@link ReceiveLane}s and every
 * scale interval adjusts their number to the queue's backlog by the {@link LaneScaler}. Replicas
 * share the queue through SQS itself: a message received by one is invisible to the others for the
 * queue's visibility timeout, and only its receiver deletes it.
 */
final class SqsPoller implements EventSourcePoller, ReceiveLane.Owner {

    private static final Logger log = LoggerFactory.getLogger(SqsPoller.class);

    private final SqsSource source;
    private final EventSourceProperties.Sqs settings;
    private final Duration invokeTimeout;
    private final SqsQueue queue;
    private final FunctionInvoker invoker;
    private final PollerEvents events;
    private final PollerMetrics metrics;
    private final Clock clock;
    private final SqsEventWriter writer;
    private final RecordFilter filter;
    private final LaneScaler scaler;
    private final Set<ReceiveLane> lanes = ConcurrentHashMap.newKeySet();
    private final Set<Thread> laneThreads = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean throttled = new AtomicBoolean();
    private final AtomicInteger laneNumbers = new AtomicInteger();

    private volatile boolean running;
    private int batchesInFlight;
    private Thread thread;
    private BatchProcessor processor;
    private BatchLimits limits;

    SqsPoller(
            SqsSource source,
            EventSourceProperties.Sqs settings,
            Duration invokeTimeout,
            SqsQueue queue,
            FunctionInvoker invoker,
            PollerEvents events,
            PollerMetrics metrics,
            Clock clock) {
        this.source = source;
        this.settings = settings;
        this.invokeTimeout = invokeTimeout;
        this.queue = queue;
        this.invoker = invoker;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.writer = new SqsEventWriter(source.queue());
        this.filter = RecordFilter.of(source.filterPatterns());
        this.scaler = new LaneScaler(
                settings.initialConcurrency(),
                source.maximumConcurrency(),
                settings.scaleUpStep(),
                settings.scaleInterval());
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("sqs-poller-" + source.uuid()).start(this::run);
    }

    /**
     * Returns once no batch is in flight and none will start. Lanes still in a long poll finish it
     * in the background and give back what it brings (visible again at once); the last of them
     * closes the client.
     */
    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        join(t, settings.waitTime().plusSeconds(10));
        awaitBatchesSettled(invokeTimeout.plusSeconds(30));
        metrics.remove();
        List<Thread> polling = List.copyOf(laneThreads);
        Thread.ofVirtual().name("sqs-poller-" + source.uuid() + "-closing").start(() -> {
            polling.forEach(lane -> join(lane, settings.waitTime().plusSeconds(30)));
            queue.close();
        });
    }

    private synchronized void awaitBatchesSettled(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (batchesInFlight > 0 && System.nanoTime() < deadline) {
            try {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized boolean batchStarting() {
        if (!running) {
            return false;
        }
        batchesInFlight++;
        return true;
    }

    @Override
    public synchronized void batchSettled() {
        batchesInFlight--;
        notifyAll();
    }

    private void run() {
        SqsQueue.Attributes attributes = null;
        while (running && attributes == null) {
            try {
                attributes = queue.resolve();
            } catch (SdkException e) {
                log.debug("Mapping {}: {}", source.uuid(), e.toString());
                events.problem(SqsQueue.problemOf(e));
                sleep(settings.retryBackoff());
            }
        }
        if (!running) {
            return;
        }
        events.reading();
        limits = limitsFor(attributes);
        processor = new BatchProcessor(source, queue, writer, invoker, events, metrics, attributes.fifo());
        addLanes();
        while (running) {
            sleep(settings.scaleInterval());
            if (running && scaler.due(clock.millis())) {
                scaler.observe(backlog(), throttled.getAndSet(false), clock.millis());
                addLanes();
            }
        }
    }

    /**
     * The mapping's batch limits, with the window held to half the queue's visibility timeout: a
     * batch still gathering when its first message turns visible again would be delivered twice.
     */
    private BatchLimits limitsFor(SqsQueue.Attributes attributes) {
        BatchLimits l = source.limits();
        Duration half = attributes.visibilityTimeout().dividedBy(2);
        Duration window = l.window().compareTo(half) > 0 ? half : l.window();
        return new BatchLimits(l.batchSize(), window, l.maxPayloadBytes(), writer.envelopeBytes());
    }

    private long backlog() {
        try {
            long backlog = queue.backlog();
            metrics.offsetLag(Math.max(0, backlog));
            return backlog;
        } catch (SdkException e) {
            return -1;
        }
    }

    private synchronized void addLanes() {
        while (running && lanes.size() < scaler.target()) {
            ReceiveLane lane = new ReceiveLane(
                    this,
                    queue,
                    writer,
                    filter,
                    limits,
                    processor,
                    events,
                    metrics,
                    settings.waitTime(),
                    settings.retryBackoff(),
                    clock);
            lanes.add(lane);
            laneThreads.add(lane.start("sqs-lane-" + source.uuid() + "-" + laneNumbers.incrementAndGet()));
        }
    }

    @Override
    public boolean running() {
        return running;
    }

    @Override
    public synchronized boolean retire(ReceiveLane lane) {
        if (lanes.size() > scaler.target()) {
            lanes.remove(lane);
            return true;
        }
        return false;
    }

    @Override
    public void ended(ReceiveLane lane) {
        lanes.remove(lane);
        laneThreads.remove(Thread.currentThread());
    }

    @Override
    public void throttled() {
        throttled.set(true);
    }

    /** How many lanes run now (each at most one batch in flight). */
    int lanes() {
        return lanes.size();
    }

    private static void join(Thread t, Duration timeout) {
        if (t == null) {
            return;
        }
        try {
            t.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sleep(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        while (running && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
