package dev.ignis.asyncqueue.support;

import dev.ignis.asyncqueue.config.AsyncQueueProperties;
import dev.ignis.contracts.invocation.AsyncInvocation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Settings and events as the unit tests need them, with AWS's defaults unless named. */
public final class Fixtures {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";
    public static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:fn";

    private Fixtures() {}

    public static AsyncQueueProperties.Retry awsRetry() {
        return new AsyncQueueProperties.Retry(
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)),
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                Duration.ofHours(6));
    }

    public static AsyncQueueProperties properties() {
        return new AsyncQueueProperties(
                REGION,
                ACCOUNT,
                1_048_576,
                "ignis.invocations.async",
                awsRetry(),
                List.of(new AsyncQueueProperties.DelayTier("retry-1s", Duration.ofSeconds(1))),
                new AsyncQueueProperties.Workers(4),
                new AsyncQueueProperties.Destinations(null, List.of(), 1, Duration.ZERO));
    }

    public static AsyncInvocation event(String payload, Instant receivedAt) {
        return new AsyncInvocation("4f5e6d7c-1234-4abc-8def-0123456789ab", ARN, payload, null, null, receivedAt, 1);
    }
}
