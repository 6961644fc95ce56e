package dev.ignis.invocation.invoke;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.invocation.catalog.ReadThrough;
import dev.ignis.invocation.concurrency.ConcurrencyGate;
import dev.ignis.invocation.concurrency.ConcurrencyGate.Permit;
import dev.ignis.invocation.concurrency.ConcurrencyGate.ThrottledException;
import dev.ignis.invocation.environment.EnvironmentStartException;
import dev.ignis.invocation.environment.Environments;
import dev.ignis.invocation.environment.InvocationResult;
import dev.ignis.invocation.metrics.InvocationMetrics;
import dev.ignis.invocation.runtimeapi.RuntimeApi.NextEvent;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synchronous invoke: resolve the function from the in-memory catalog, admit it under the
 * concurrency limits, run it in an environment, and shape the answer. Touches no database and no
 * other service unless a cold start needs code it has never seen.
 */
public final class InvokeService {

    private static final Logger log = LoggerFactory.getLogger(InvokeService.class);

    private final ReadThrough catalog;
    private final ConcurrencyGate gate;
    private final Environments environments;
    private final InvocationMetrics metrics;
    private final Clock clock;
    private final String region;
    private final String accountId;

    public InvokeService(
            ReadThrough catalog,
            ConcurrencyGate gate,
            Environments environments,
            InvocationMetrics metrics,
            Clock clock,
            String region,
            String accountId) {
        this.catalog = catalog;
        this.gate = gate;
        this.environments = environments;
        this.metrics = metrics;
        this.clock = clock;
        this.region = region;
        this.accountId = accountId;
    }

    public InvokeResponse invoke(InvokeRequest request) {
        String requestId = request.requestId() != null ? request.requestId() : RequestIds.next();
        FunctionSnapshot function = catalog.route(
                        request.function(), ThreadLocalRandom.current().nextDouble())
                .orElseThrow(() -> InvokeException.of(
                        LambdaErrorType.RESOURCE_NOT_FOUND,
                        "Function not found: " + request.function().toArn(region, accountId)));
        switch (request.type()) {
            case DRY_RUN -> {
                return new InvokeResponse(204, new byte[0], requestId, function.version(), null, null);
            }
            case EVENT ->
                throw InvokeException.of(
                        LambdaErrorType.INVALID_PARAMETER_VALUE,
                        "Event invocations are accepted by async-queue-service; send them through the gateway.");
            default -> {
                // RequestResponse, below
            }
        }
        String unqualifiedArn = request.function().toUnqualifiedArn(region, accountId);
        Permit permit;
        try {
            permit = gate.acquire(unqualifiedArn);
        } catch (ThrottledException e) {
            metrics.throttled(function);
            throw InvokeException.throttled(e.reason());
        }
        try {
            metrics.started(function);
            NextEvent event = new NextEvent(
                    requestId,
                    clock.millis() + function.timeoutSeconds() * 1000L,
                    request.function().toArn(region, accountId),
                    request.traceId() != null ? request.traceId() : traceId(),
                    request.clientContext(),
                    null,
                    request.payload().read());
            long start = System.nanoTime();
            Environments.Run run = environments.run(function, event, request.tail());
            metrics.duration(function, System.nanoTime() - start);
            boolean failed = run.result() instanceof InvocationResult.FunctionError;
            metrics.finished(function, failed, run);
            return new InvokeResponse(
                    200,
                    run.result().body(),
                    requestId,
                    function.version(),
                    failed ? "Unhandled" : null,
                    run.logTail());
        } catch (EnvironmentStartException e) {
            log.warn("Could not start an environment for {}", function.functionArn(), e);
            metrics.finished(function, true, null);
            throw InvokeException.of(e.type(), e.getMessage());
        } finally {
            gate.release(permit);
        }
    }

    /** An X-Ray style trace header for invokes that came without one. */
    private String traceId() {
        long seconds = clock.millis() / 1000;
        String random = RequestIds.next().replace("-", "").substring(0, 24);
        return "Root=1-" + Long.toHexString(seconds) + "-" + random + ";Parent=" + random.substring(0, 16)
                + ";Sampled=0";
    }
}
