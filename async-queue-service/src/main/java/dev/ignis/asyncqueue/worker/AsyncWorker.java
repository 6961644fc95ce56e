package dev.ignis.asyncqueue.worker;

import dev.ignis.asyncqueue.metrics.AsyncMetrics;
import dev.ignis.asyncqueue.queue.QueuedEvent;
import dev.ignis.contracts.invocation.AsyncInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code asyncWorker} function, bound in batches to the async topic. Each batch runs on
 * virtual threads with at most {@code maxInFlightPerFunction} events of any one function at a time
 * (across every batch of this replica), so a hot function waits on itself and not the others. The
 * batch returns, and its offsets are committed, only once every event in it was handled; if the
 * queue fails the batch throws and is delivered again (at least once, never lost).
 */
public final class AsyncWorker implements Consumer<List<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(AsyncWorker.class);

    private final EventHandler handler;
    private final AsyncMetrics metrics;
    private final int maxInFlightPerFunction;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();

    public AsyncWorker(EventHandler handler, AsyncMetrics metrics, int maxInFlightPerFunction) {
        this.handler = handler;
        this.metrics = metrics;
        this.maxInFlightPerFunction = maxInFlightPerFunction;
    }

    @Override
    public void accept(List<byte[]> batch) {
        List<Future<?>> running = new ArrayList<>(batch.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (byte[] value : batch) {
                AsyncInvocation event = decode(value);
                if (event != null) {
                    running.add(threads.submit(() -> {
                        handleFairly(event);
                        return null;
                    }));
                }
            }
        }
        for (Future<?> done : running) {
            try {
                done.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        "An event could not be handled; the batch is delivered again", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted; the batch is delivered again", e);
            }
        }
    }

    private void handleFairly(AsyncInvocation event) throws InterruptedException {
        Semaphore permits = inFlight.computeIfAbsent(event.functionArn(), arn -> new Semaphore(maxInFlightPerFunction));
        permits.acquire();
        try {
            handler.handle(event);
        } finally {
            permits.release();
        }
    }

    private AsyncInvocation decode(byte[] value) {
        try {
            return QueuedEvent.decode(value);
        } catch (RuntimeException e) {
            // Only this service writes the topic; a record it cannot read would block the partition forever.
            log.error("Skipping an unreadable record on the async topic: {}", e.getMessage());
            metrics.dropped("unknown", "Unreadable");
            return null;
        }
    }
}
