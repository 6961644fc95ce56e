package dev.ignis.eventsource.invoke;

/**
 * The one way a poller reaches a function: a synchronous ({@code RequestResponse}) invoke that
 * returns once the function answered. Implementations are thread-safe; pollers call them from many
 * threads at once. The function's concurrency limits are the invocation service's to enforce: a
 * throttled invoke comes back as {@link InvokeOutcome.Throttled}, never as an exception.
 */
public interface FunctionInvoker {

    /**
     * @param functionArn the mapping's function, qualified when the mapping names a version or alias
     * @param event the event's JSON
     */
    InvokeOutcome invoke(String functionArn, byte[] event);
}
