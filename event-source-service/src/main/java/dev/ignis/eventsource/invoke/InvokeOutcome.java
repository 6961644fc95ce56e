package dev.ignis.eventsource.invoke;

/** How one synchronous invoke ended, classified by who is at fault. Only {@link Succeeded} lets a batch's position advance. */
public sealed interface InvokeOutcome {

    /** The function returned. */
    record Succeeded(byte[] payload) implements InvokeOutcome {}

    /** The function failed ({@code X-Amz-Function-Error}): a handler error, a timeout, a crash. */
    record FunctionFailed(String errorType, byte[] payload) implements InvokeOutcome {}

    /** The function's or the account's concurrency is exhausted (429): try again later. */
    record Throttled(String reason) implements InvokeOutcome {}

    /** The platform could not run it: the function is gone, the invoke service is down, a 5xx. */
    record Unavailable(int status, String errorType) implements InvokeOutcome {}

    default boolean succeeded() {
        return this instanceof Succeeded;
    }
}
