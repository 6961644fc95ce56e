package dev.ignis.asyncqueue.invoke;

import dev.ignis.contracts.invocation.AsyncInvocation;

/**
 * Runs one try of a queued event synchronously. The contract every implementation keeps: the
 * function sees the event's own request id (the one the caller got with its 202) on every try,
 * and every failure comes back as an {@link InvokeOutcome}, never as an exception, so that the
 * retry policy alone decides what happens next.
 */
public interface FunctionInvoker {

    InvokeOutcome invoke(AsyncInvocation invocation);
}
