package dev.ignis.eventsource.invoke;

import dev.ignis.contracts.invoke.InvokeAnswer;
import dev.ignis.contracts.invoke.InvokeCall;

/**
 * The one way a poller reaches a function: a synchronous ({@code RequestResponse}) invoke that
 * returns once the function answered. {@link InvocationClient} is the implementation; the port
 * lets tests stand a recording function in for it. Implementations are thread-safe (pollers call
 * them from many threads at once) and never throw: an unreachable replica is an answer too. The
 * function's concurrency limits are invocation-service's to enforce: a throttle comes back as a
 * 429 answer, which a poller retries like any other failure.
 */
public interface FunctionInvoker {

    InvokeAnswer invoke(InvokeCall call);
}
