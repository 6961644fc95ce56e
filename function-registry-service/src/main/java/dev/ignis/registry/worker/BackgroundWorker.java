package dev.ignis.registry.worker;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A loop on its own virtual thread for as long as the application runs (the outbox relay):
 * started after the context is ready, interrupted and joined on shutdown.
 */
public abstract class BackgroundWorker implements SmartLifecycle {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final String threadName;
    private volatile Thread worker;
    private volatile boolean running;

    protected BackgroundWorker(String threadName) {
        this.threadName = threadName;
    }

    /** The loop; it returns when {@link #running()} turns false or the thread is interrupted. */
    protected abstract void loop();

    /** Whether to start at all; a worker switched off by configuration says why and answers false. */
    protected boolean enabled() {
        return true;
    }

    protected final boolean running() {
        return running;
    }

    @Override
    public void start() {
        if (!enabled()) {
            return;
        }
        running = true;
        worker = Thread.ofVirtual().name(threadName).start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(JOIN_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
