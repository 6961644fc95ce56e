package dev.ignis.asyncqueue.worker;

import dev.ignis.asyncqueue.invoke.InvokeOutcome;
import dev.ignis.contracts.invocation.AsyncInvocation;
import dev.ignis.contracts.invocation.InvocationRecord.Condition;
import java.time.Duration;

/** What happens to an event after a try, or instead of one. */
public sealed interface Decision {

    /** The function succeeded; the OnSuccess destination, if any, gets the record. */
    record Succeeded(InvokeOutcome.Ran outcome, int invokeCount) implements Decision {}

    /** Try again after {@code delay}, as {@code next}. */
    record RetryAfter(Duration delay, AsyncInvocation next) implements Decision {}

    /**
     * Given up: the OnFailure destination and the dead-letter queue, if any, get the event.
     *
     * @param outcome the last try's outcome, or null when none was made
     */
    record Failed(Condition condition, InvokeOutcome outcome, int invokeCount) implements Decision {}
}
