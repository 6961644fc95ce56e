package dev.ignis.asyncqueue.worker;

import java.time.Duration;

/**
 * How one function's {@code Event} invocations are handled, as its event invoke config, reserved
 * concurrency and DeadLetterConfig say; AWS's defaults where nothing is configured.
 *
 * @param maximumRetryAttempts retries after a function error, 0–2
 * @param maximumEventAge how old an event may grow before it is given up
 * @param onSuccess the OnSuccess destination ARN, or null
 * @param onFailure the OnFailure destination ARN, or null
 * @param deadLetterTarget the DeadLetterConfig target ARN, or null
 * @param reservedZero reserved concurrency 0: every event goes straight to failure handling
 */
public record AsyncPolicy(
        int maximumRetryAttempts,
        Duration maximumEventAge,
        String onSuccess,
        String onFailure,
        String deadLetterTarget,
        boolean reservedZero) {

    public static final int DEFAULT_RETRY_ATTEMPTS = 2;
    public static final Duration DEFAULT_EVENT_AGE = Duration.ofHours(6);

    public static AsyncPolicy defaults() {
        return new AsyncPolicy(DEFAULT_RETRY_ATTEMPTS, DEFAULT_EVENT_AGE, null, null, null, false);
    }
}
