package dev.ignis.asyncqueue.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.asyncqueue.invoke.InvokeOutcome;
import dev.ignis.asyncqueue.support.Fixtures;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.invocation.AsyncInvocation;
import dev.ignis.contracts.invocation.InvocationRecord.Condition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static final Instant T0 = Instant.parse("2026-12-04T00:00:00Z");
    static final InvokeOutcome.Ran ERROR = new InvokeOutcome.Ran(
            "$LATEST", "{\"errorMessage\":\"boom\"}".getBytes(StandardCharsets.UTF_8), "Unhandled");
    static final InvokeOutcome.Ran OK = new InvokeOutcome.Ran("$LATEST", new byte[0], null);
    static final InvokeOutcome THROTTLED =
            InvokeOutcome.Refused.of(LambdaErrorType.TOO_MANY_REQUESTS, "Rate Exceeded.");

    final RetryPolicy policy = new RetryPolicy(Fixtures.awsRetry());
    final AsyncPolicy defaults = AsyncPolicy.defaults();

    @Test
    void functionError_isRetriedTwiceByDefault_afterOneThenTwoMinutes_thenExhausted() {
        AsyncInvocation event = Fixtures.event("{}", T0);

        Decision first = policy.afterInvoke(event, defaults, ERROR, T0);
        assertThat(first).isEqualTo(new Decision.RetryAfter(Duration.ofMinutes(1), event.nextAttempt()));

        AsyncInvocation second = event.nextAttempt();
        assertThat(policy.afterInvoke(second, defaults, ERROR, T0.plusSeconds(61)))
                .isEqualTo(new Decision.RetryAfter(Duration.ofMinutes(2), second.nextAttempt()));

        AsyncInvocation third = second.nextAttempt();
        assertThat(policy.afterInvoke(third, defaults, ERROR, T0.plusSeconds(190)))
                .isEqualTo(new Decision.Failed(Condition.RetriesExhausted, ERROR, 3));
    }

    @Test
    void functionError_withMaximumRetryAttemptsZero_failsAtOnce() {
        AsyncPolicy noRetries = new AsyncPolicy(0, AsyncPolicy.DEFAULT_EVENT_AGE, null, null, null, false);

        assertThat(policy.afterInvoke(Fixtures.event("{}", T0), noRetries, ERROR, T0))
                .isEqualTo(new Decision.Failed(Condition.RetriesExhausted, ERROR, 1));
    }

    @Test
    void success_endsTheEventWithItsInvokeCount() {
        AsyncInvocation retried = Fixtures.event("{}", T0).nextAttempt();

        assertThat(policy.afterInvoke(retried, defaults, OK, T0)).isEqualTo(new Decision.Succeeded(OK, 2));
    }

    @Test
    void throttles_backOffFromOneSecondDoublingUpToFiveMinutes_withoutUsingTheRetryBudget() {
        AsyncInvocation event = Fixtures.event("{}", T0);
        List<Duration> waits = new ArrayList<>();
        Instant now = T0;
        for (int i = 0; i < 12; i++) {
            Decision.RetryAfter retry = (Decision.RetryAfter) policy.afterInvoke(event, defaults, THROTTLED, now);
            assertThat(retry.next()).isEqualTo(event);
            waits.add(retry.delay());
            now = now.plus(retry.delay());
        }

        assertThat(waits.subList(0, 10))
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(32),
                        Duration.ofSeconds(64),
                        Duration.ofSeconds(128),
                        Duration.ofSeconds(256));
        assertThat(waits.subList(10, 12)).containsOnly(Duration.ofMinutes(5));
    }

    @Test
    void throttles_stopBeforeTheEventWouldOutliveItsMaximumAge() {
        AsyncPolicy oneMinute = new AsyncPolicy(2, Duration.ofSeconds(60), null, null, null, false);

        assertThat(policy.afterInvoke(Fixtures.event("{}", T0), oneMinute, THROTTLED, T0.plusSeconds(40)))
                .isEqualTo(new Decision.Failed(Condition.EventAgeExceeded, THROTTLED, 0));
    }

    @Test
    void platformErrorsAreRetriedLikeThrottles_permanentRefusalsAreNot() {
        InvokeOutcome unavailable = InvokeOutcome.Refused.of(LambdaErrorType.SERVICE_UNAVAILABLE, "down");
        InvokeOutcome gone = InvokeOutcome.Refused.of(LambdaErrorType.RESOURCE_NOT_FOUND, "Function not found");
        AsyncInvocation event = Fixtures.event("{}", T0);

        assertThat(policy.afterInvoke(event, defaults, unavailable, T0)).isInstanceOf(Decision.RetryAfter.class);
        assertThat(policy.afterInvoke(event, defaults, gone, T0))
                .isEqualTo(new Decision.Failed(Condition.RetriesExhausted, gone, 1));
    }

    @Test
    void anEventOlderThanItsMaximumAge_isGivenUpWithoutATry() {
        AsyncPolicy oneMinute = new AsyncPolicy(2, Duration.ofSeconds(60), null, null, null, false);

        assertThat(policy.beforeInvoke(Fixtures.event("{}", T0), oneMinute, T0.plusSeconds(61)))
                .contains(new Decision.Failed(Condition.EventAgeExceeded, null, 0));
        assertThat(policy.beforeInvoke(Fixtures.event("{}", T0), oneMinute, T0.plusSeconds(59)))
                .isEmpty();
    }

    @Test
    void reservedConcurrencyZero_goesStraightToFailureHandling() {
        AsyncPolicy reservedZero = new AsyncPolicy(2, AsyncPolicy.DEFAULT_EVENT_AGE, null, null, null, true);

        Decision.Failed failed = (Decision.Failed)
                policy.beforeInvoke(Fixtures.event("{}", T0), reservedZero, T0).orElseThrow();
        assertThat(failed.condition()).isEqualTo(Condition.RetriesExhausted);
        assertThat(failed.outcome().statusCode()).isEqualTo(429);
        assertThat(failed.invokeCount()).isZero();
    }
}
