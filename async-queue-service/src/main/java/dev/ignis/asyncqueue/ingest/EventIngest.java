package dev.ignis.asyncqueue.ingest;

import dev.ignis.asyncqueue.catalog.AsyncTargets;
import dev.ignis.asyncqueue.metrics.AsyncMetrics;
import dev.ignis.asyncqueue.queue.EventQueue;
import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.invocation.AsyncInvocation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Accepts an {@code Event} invoke: the function and qualifier must exist, then the event is queued
 * and acknowledged by the broker before the request id is returned. Reserved concurrency 0 is no
 * reason to refuse; the workers send such events to failure handling.
 */
public final class EventIngest {

    private final AsyncTargets targets;
    private final EventQueue queue;
    private final AsyncMetrics metrics;
    private final Clock clock;
    private final String region;
    private final String accountId;

    public EventIngest(
            AsyncTargets targets,
            EventQueue queue,
            AsyncMetrics metrics,
            Clock clock,
            String region,
            String accountId) {
        this.targets = targets;
        this.queue = queue;
        this.metrics = metrics;
        this.clock = clock;
        this.region = region;
        this.accountId = accountId;
    }

    /** @return the request id, once the event is durable */
    public String accept(FunctionRef function, byte[] payload, String clientContextBase64, String traceId) {
        String arn = function.toArn(region, accountId);
        if (!targets.accepts(function)) {
            throw new IngestException(LambdaErrorType.RESOURCE_NOT_FOUND, "Function not found: " + arn);
        }
        String requestId = requestId();
        queue.enqueue(new AsyncInvocation(
                requestId,
                arn,
                new String(payload, StandardCharsets.UTF_8),
                clientContextBase64,
                traceId,
                clock.instant(),
                1));
        metrics.received(arn);
        return requestId;
    }

    /** A UUID v4 from a thread-local generator: request ids need to be unique, not unguessable. */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
