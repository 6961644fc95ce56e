package dev.ignis.asyncqueue.worker;

import dev.ignis.asyncqueue.destination.Deliveries;
import dev.ignis.asyncqueue.destination.InvocationRecords;
import dev.ignis.asyncqueue.invoke.FunctionInvoker;
import dev.ignis.asyncqueue.invoke.InvokeOutcome;
import dev.ignis.asyncqueue.metrics.AsyncMetrics;
import dev.ignis.asyncqueue.queue.EventQueue;
import dev.ignis.contracts.invocation.AsyncInvocation;
import dev.ignis.contracts.invocation.InvocationRecord.Condition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Takes one queued event through one step: give it up, try it, and then retry it later (on a
 * delayed-retry topic), or hand its record to the destinations and dead-letter queue. Returns
 * normally once whatever the step produced is durable, so the event's offset may be committed; it
 * throws only when the queue itself is unavailable.
 */
public final class EventHandler {

    private final PolicySource policies;
    private final RetryPolicy retries;
    private final FunctionInvoker invoker;
    private final EventQueue queue;
    private final DelayTiers tiers;
    private final Deliveries deliveries;
    private final AsyncMetrics metrics;
    private final Clock clock;

    public EventHandler(
            PolicySource policies,
            RetryPolicy retries,
            FunctionInvoker invoker,
            EventQueue queue,
            DelayTiers tiers,
            Deliveries deliveries,
            AsyncMetrics metrics,
            Clock clock) {
        this.policies = policies;
        this.retries = retries;
        this.invoker = invoker;
        this.queue = queue;
        this.tiers = tiers;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void handle(AsyncInvocation event) {
        AsyncPolicy policy = policies.policyFor(event.functionArn());
        Instant now = clock.instant();
        Decision decision = retries.beforeInvoke(event, policy, now).orElse(null);
        if (decision == null) {
            metrics.age(event.functionArn(), Duration.between(event.receivedAt(), now));
            InvokeOutcome outcome = invoker.invoke(event);
            decision = retries.afterInvoke(event, policy, outcome, clock.instant());
        }
        carryOut(event, policy, decision);
    }

    private void carryOut(AsyncInvocation event, AsyncPolicy policy, Decision decision) {
        switch (decision) {
            case Decision.RetryAfter retry -> {
                metrics.outcome(event.functionArn(), "retry");
                queue.delay(
                        tiers.topicFor(retry.delay()),
                        retry.next(),
                        clock.instant().plus(retry.delay()));
            }
            case Decision.Succeeded success -> {
                metrics.outcome(event.functionArn(), "success");
                if (policy.onSuccess() != null) {
                    deliveries.toDestination(
                            policy.onSuccess(),
                            event.functionArn(),
                            InvocationRecords.record(
                                    event,
                                    Condition.Success,
                                    success.outcome(),
                                    success.invokeCount(),
                                    clock.instant()));
                }
            }
            case Decision.Failed failed -> fail(event, policy, failed);
        }
    }

    private void fail(AsyncInvocation event, AsyncPolicy policy, Decision.Failed failed) {
        metrics.outcome(event.functionArn(), failed.condition().name());
        if (policy.onFailure() == null && policy.deadLetterTarget() == null) {
            metrics.dropped(event.functionArn(), failed.condition().name());
            return;
        }
        if (policy.onFailure() != null) {
            deliveries.toDestination(
                    policy.onFailure(),
                    event.functionArn(),
                    InvocationRecords.record(
                            event, failed.condition(), failed.outcome(), failed.invokeCount(), clock.instant()));
        }
        if (policy.deadLetterTarget() != null) {
            deliveries.toDeadLetterQueue(
                    policy.deadLetterTarget(),
                    event.functionArn(),
                    InvocationRecords.deadLetter(event, failed.outcome(), failed.condition()));
        }
    }
}
