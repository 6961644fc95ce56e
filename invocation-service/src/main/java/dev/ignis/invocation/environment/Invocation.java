package dev.ignis.invocation.environment;

import dev.ignis.invocation.runtimeapi.RuntimeApi.NextEvent;
import java.util.concurrent.CompletableFuture;

/** One event on its way through an environment, and the future its answer completes. */
final class Invocation {

    private final NextEvent event;
    private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    private final InvocationLog log;
    private volatile long dispatchedNanos;

    Invocation(NextEvent event, InvocationLog log) {
        this.event = event;
        this.log = log;
    }

    NextEvent event() {
        return event;
    }

    String requestId() {
        return event.requestId();
    }

    InvocationLog log() {
        return log;
    }

    CompletableFuture<InvocationResult> result() {
        return result;
    }

    void markDispatched() {
        dispatchedNanos = System.nanoTime();
    }

    long dispatchedNanos() {
        return dispatchedNanos;
    }

    /** First answer wins: a late response after a timeout or crash is ignored. */
    boolean complete(InvocationResult answer) {
        return result.complete(answer);
    }
}
