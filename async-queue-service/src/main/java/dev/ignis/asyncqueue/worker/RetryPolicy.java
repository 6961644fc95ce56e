package dev.ignis.asyncqueue.worker;

import dev.ignis.asyncqueue.config.AsyncQueueProperties;
import dev.ignis.asyncqueue.invoke.InvokeOutcome;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.error.Retriability;
import dev.ignis.contracts.invocation.AsyncInvocation;
import dev.ignis.contracts.invocation.InvocationRecord.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * AWS's rules for asynchronous invocations, as a pure function of the event, its policy, the
 * outcome of the try and the time: function errors are retried {@code MaximumRetryAttempts} times
 * after the configured waits (1 then 2 minutes); throttles and platform errors are retried with a
 * back-off that grows from 1 s to 5 minutes for up to 6 hours and use none of the retry budget;
 * an event older than {@code MaximumEventAgeInSeconds} is given up.
 *
 * <p>The back-off needs no counter of its own: each wait equals the event's age so far (clamped to
 * the bounds), so the age, and with it the wait, doubles from one try to the next.
 */
public final class RetryPolicy {

    private final List<Duration> functionErrorDelays;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final Duration transientGiveUpAfter;

    public RetryPolicy(AsyncQueueProperties.Retry retry) {
        this.functionErrorDelays = List.copyOf(retry.functionErrorDelays());
        this.backoffInitial = retry.backoffInitial();
        this.backoffMax = retry.backoffMax();
        this.transientGiveUpAfter = retry.transientGiveUpAfter();
    }

    /** Before a try: whether the event is to be given up without one. */
    public Optional<Decision> beforeInvoke(AsyncInvocation event, AsyncPolicy policy, Instant now) {
        if (age(event, now).compareTo(policy.maximumEventAge()) > 0) {
            return Optional.of(new Decision.Failed(Condition.EventAgeExceeded, null, event.attempt() - 1));
        }
        if (policy.reservedZero()) {
            // AWS sends these straight to failure handling, without retries.
            return Optional.of(new Decision.Failed(
                    Condition.RetriesExhausted,
                    InvokeOutcome.Refused.of(LambdaErrorType.TOO_MANY_REQUESTS, "Rate Exceeded."),
                    event.attempt() - 1));
        }
        return Optional.empty();
    }

    /** After a try. */
    public Decision afterInvoke(AsyncInvocation event, AsyncPolicy policy, InvokeOutcome outcome, Instant now) {
        return switch (outcome) {
            case InvokeOutcome.Ran ran when !ran.failed() -> new Decision.Succeeded(ran, event.attempt());
            case InvokeOutcome.Ran ran -> afterFunctionError(event, policy, ran);
            case InvokeOutcome.Refused refused
            when refused.retriability() == Retriability.PERMANENT ->
                new Decision.Failed(Condition.RetriesExhausted, refused, event.attempt());
            case InvokeOutcome.Refused refused -> afterTransient(event, policy, refused, now);
        };
    }

    private Decision afterFunctionError(AsyncInvocation event, AsyncPolicy policy, InvokeOutcome.Ran ran) {
        int retriesDone = event.attempt() - 1;
        if (retriesDone >= policy.maximumRetryAttempts()) {
            return new Decision.Failed(Condition.RetriesExhausted, ran, event.attempt());
        }
        Duration delay = functionErrorDelays.get(Math.min(retriesDone, functionErrorDelays.size() - 1));
        return new Decision.RetryAfter(delay, event.nextAttempt());
    }

    /** A throttle or platform error: the try did not count, so the event keeps its attempt number. */
    private Decision afterTransient(
            AsyncInvocation event, AsyncPolicy policy, InvokeOutcome.Refused refused, Instant now) {
        Duration age = age(event, now);
        Duration delay = clamp(age);
        Duration limit = policy.maximumEventAge().compareTo(transientGiveUpAfter) < 0
                ? policy.maximumEventAge()
                : transientGiveUpAfter;
        if (age.plus(delay).compareTo(limit) > 0) {
            return new Decision.Failed(Condition.EventAgeExceeded, refused, event.attempt() - 1);
        }
        return new Decision.RetryAfter(delay, event);
    }

    private Duration clamp(Duration age) {
        if (age.compareTo(backoffInitial) < 0) {
            return backoffInitial;
        }
        return age.compareTo(backoffMax) > 0 ? backoffMax : age;
    }

    private static Duration age(AsyncInvocation event, Instant now) {
        return Duration.between(event.receivedAt(), now);
    }
}
