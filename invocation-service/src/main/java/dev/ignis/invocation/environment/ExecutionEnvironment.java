package dev.ignis.invocation.environment;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.invocation.environment.InvocationResult.FunctionError;
import dev.ignis.invocation.environment.InvocationResult.Success;
import dev.ignis.invocation.runtimeapi.RuntimeApi;
import dev.ignis.invocation.runtimeapi.RuntimeApiServer;
import dev.ignis.invocation.sandbox.cgroup.CgroupHandle;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One runtime process and its Runtime API: takes one invocation at a time, hands it to the
 * runtime's pending {@code /next}, and waits for {@code /response}, {@code /error}, the process's
 * exit or the function's timeout, whichever comes first. A timeout or an exit ends the
 * environment; a handled function error does not.
 */
public final class ExecutionEnvironment implements RuntimeApi {

    private static final Invocation SHUTDOWN = new Invocation(null, null);

    private final String id;
    private final FunctionSnapshot function;
    private final boolean provisioned;
    private final EnvironmentLogs logs;
    private final long startedNanos = System.nanoTime();
    private final BlockingQueue<Invocation> pending = new ArrayBlockingQueue<>(1);
    private final CompletableFuture<FunctionError> initialized = new CompletableFuture<>();
    private volatile EnvironmentState state = new EnvironmentState.Starting(startedNanos);
    private volatile Invocation current;
    private volatile FunctionError initFailure;
    private volatile long initDurationNanos;
    private boolean reportInitDuration;
    private Process process;
    private RuntimeApiServer server;
    private CgroupHandle cgroup;

    ExecutionEnvironment(String id, FunctionSnapshot function, boolean provisioned, EnvironmentLogs logs) {
        this.id = id;
        this.function = function;
        this.provisioned = provisioned;
        this.logs = logs;
        // Provisioned environments initialise ahead of any invoke; their REPORT has no Init Duration.
        this.reportInitDuration = !provisioned;
    }

    /** Wires the started process in; from here its exit ends the environment. */
    void attach(Process process, RuntimeApiServer server, CgroupHandle cgroup) {
        this.process = process;
        this.server = server;
        this.cgroup = cgroup;
        logs.pump(process.getInputStream(), id);
        process.onExit().thenAccept(p -> exited(p.exitValue()));
    }

    public String id() {
        return id;
    }

    public FunctionSnapshot function() {
        return function;
    }

    public boolean provisioned() {
        return provisioned;
    }

    EnvironmentState state() {
        return state;
    }

    public boolean alive() {
        return !(state instanceof EnvironmentState.Dead);
    }

    /** Nanos since the environment last finished an invoke, or 0 when it is busy or starting. */
    long idleSince() {
        return state instanceof EnvironmentState.Ready ready ? ready.idleSinceNanos() : 0;
    }

    /** Waits for init to end: empty when the runtime asked for its first event, else the failure. */
    FunctionError awaitInit(Duration limit) {
        try {
            return initialized.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            kill("init timeout");
            return FunctionError.of(
                    LambdaErrorType.RUNTIME_UNKNOWN,
                    String.format(Locale.ROOT, "Init timed out after %.2f seconds", limit.toMillis() / 1000.0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill("interrupted");
            return FunctionError.of(LambdaErrorType.RUNTIME_UNKNOWN, "Init interrupted");
        } catch (ExecutionException e) {
            return FunctionError.of(LambdaErrorType.RUNTIME_UNKNOWN, String.valueOf(e.getCause()));
        }
    }

    /**
     * Runs one event to its end. Callers serialise: an environment runs one invocation at a time.
     * Returns null when the runtime died before it took the event (it was idle, but exiting): the
     * event was never delivered and may go to another environment.
     */
    InvocationResult invoke(NextEvent event, InvocationLog log, Duration timeout) {
        Invocation invocation = new Invocation(event, log);
        state = new EnvironmentState.Invoking(invocation);
        logs.begin(invocation);
        logs.line("START RequestId: " + event.requestId() + " Version: " + function.version());
        long start = System.nanoTime();
        InvocationResult result;
        if (!pending.offer(invocation) || !alive()) {
            result = exitError(event.requestId(), "Runtime exited without providing a reason");
        } else {
            result = await(invocation, timeout);
        }
        long durationNanos = System.nanoTime() - start;
        if (invocation.dispatchedNanos() == 0 && !alive()) {
            logs.end();
            return null;
        }
        logs.settle();
        logs.line("END RequestId: " + event.requestId());
        logs.line(report(event.requestId(), durationNanos));
        logs.end();
        if (alive()) {
            state = new EnvironmentState.Ready(System.nanoTime());
        }
        return result;
    }

    private InvocationResult await(Invocation invocation, Duration timeout) {
        try {
            return invocation.result().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            FunctionError timedOut = FunctionError.of(
                    LambdaErrorType.SANDBOX_TIMEDOUT,
                    String.format(
                            Locale.ROOT,
                            "RequestId: %s Error: Task timed out after %.2f seconds",
                            invocation.requestId(),
                            timeout.toMillis() / 1000.0));
            invocation.complete(timedOut);
            logs.line(String.format(
                    Locale.ROOT,
                    "%s %s Task timed out after %.2f seconds",
                    java.time.Instant.now(),
                    invocation.requestId(),
                    timeout.toMillis() / 1000.0));
            kill("timeout");
            return timedOut;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill("interrupted");
            return FunctionError.of(LambdaErrorType.RUNTIME_UNKNOWN, "Invocation interrupted");
        } catch (ExecutionException e) {
            return FunctionError.of(LambdaErrorType.RUNTIME_UNKNOWN, String.valueOf(e.getCause()));
        }
    }

    private String report(String requestId, long durationNanos) {
        double durationMs = durationNanos / 1_000_000.0;
        StringBuilder line = new StringBuilder(160)
                .append("REPORT RequestId: ")
                .append(requestId)
                .append(String.format(Locale.ROOT, "\tDuration: %.2f ms", durationMs))
                .append("\tBilled Duration: ")
                .append((long) Math.ceil(durationMs))
                .append(" ms\tMemory Size: ")
                .append(function.memorySizeMb())
                .append(" MB\tMax Memory Used: ")
                .append(maxMemoryUsedMb())
                .append(" MB");
        if (reportInitDuration) {
            reportInitDuration = false;
            line.append(String.format(Locale.ROOT, "\tInit Duration: %.2f ms", initDurationNanos / 1_000_000.0));
        }
        return line.toString();
    }

    private long maxMemoryUsedMb() {
        OptionalLong bytes = cgroup == null ? OptionalLong.empty() : cgroup.maxMemoryUsedBytes();
        if (bytes.isEmpty() && process != null) {
            bytes = ProcessMemory.peakResidentBytes(process.pid());
        }
        return Math.max(1, bytes.orElse(0) / (1024 * 1024));
    }

    /** Init Duration of this environment, known once the runtime first asked for an event. */
    public double initDurationMs() {
        return initDurationNanos / 1_000_000.0;
    }

    // ---- Runtime API ------------------------------------------------------------------------

    @Override
    public NextEvent awaitNext() throws InterruptedException {
        if (!initialized.isDone()) {
            initDurationNanos = System.nanoTime() - startedNanos;
            state = new EnvironmentState.Ready(System.nanoTime());
            initialized.complete(null);
        }
        Invocation invocation = pending.take();
        if (invocation == SHUTDOWN) {
            pending.offer(SHUTDOWN); // every other waiting /next ends too
            throw new InterruptedException("environment shut down");
        }
        current = invocation;
        invocation.markDispatched();
        return invocation.event();
    }

    @Override
    public Ack response(String requestId, byte[] body) {
        return complete(requestId, new Success(body));
    }

    @Override
    public Ack responseTooLarge(String requestId) {
        return complete(
                requestId,
                FunctionError.of(
                        LambdaErrorType.FUNCTION_RESPONSE_SIZE_TOO_LARGE,
                        "Response payload size exceeded maximum allowed payload size ("
                                + RuntimeApiServer.MAX_RESPONSE_BYTES + " bytes)."));
    }

    @Override
    public Ack error(String requestId, String errorType, byte[] body) {
        String type = errorType == null || errorType.isBlank() ? "Unhandled" : errorType;
        return complete(requestId, new FunctionError(type, body.length == 0 ? "{}".getBytes() : body));
    }

    private Ack complete(String requestId, InvocationResult result) {
        Invocation invocation = current;
        if (invocation == null || !invocation.requestId().equals(requestId)) {
            return Ack.invalidRequestId(requestId);
        }
        current = null;
        return invocation.complete(result)
                ? Ack.ACCEPTED
                : Ack.invalidStateTransition("Invocation " + requestId + " already ended");
    }

    @Override
    public Ack initError(String errorType, byte[] body) {
        if (initialized.isDone()) {
            return Ack.invalidStateTransition("Init already ended");
        }
        String type = errorType == null || errorType.isBlank() ? LambdaErrorType.RUNTIME_UNKNOWN.code() : errorType;
        initFailure = new FunctionError(type, body.length == 0 ? "{}".getBytes() : body);
        return Ack.ACCEPTED;
    }

    // ---- life and death ---------------------------------------------------------------------

    private void exited(int exitValue) {
        Invocation invocation = current;
        String requestId = invocation != null ? invocation.requestId() : "";
        FunctionError failure = exitError(requestId, exitReason(exitValue));
        Invocation queued = pending.poll();
        logs.close();
        // Dead first: whoever wakes up below must already see it.
        die("exited: " + exitReason(exitValue));
        if (!initialized.isDone()) {
            initDurationNanos = System.nanoTime() - startedNanos;
            initialized.complete(initFailure != null ? initFailure : failure);
        }
        if (invocation != null) {
            invocation.complete(failure);
        }
        if (queued != null && queued != SHUTDOWN) {
            queued.complete(failure);
        }
    }

    private String exitReason(int exitValue) {
        if (exitValue == 0) {
            return "Runtime exited without providing a reason";
        }
        // A signal shows as 128+n from the sandbox's shell or as n from bubblewrap's init.
        return exitValue == 137 || exitValue == 9 || (cgroup != null && cgroup.oomKilled())
                ? "Runtime exited with error: signal: killed"
                : "Runtime exited with error: exit status " + exitValue;
    }

    private FunctionError exitError(String requestId, String reason) {
        LambdaErrorType type = cgroup != null && cgroup.oomKilled()
                ? LambdaErrorType.RUNTIME_OUT_OF_MEMORY
                : LambdaErrorType.RUNTIME_EXIT_ERROR;
        return FunctionError.of(type, "RequestId: " + requestId + " Error: " + reason);
    }

    /** Ends the environment now: the process tree is killed and its resources freed. */
    public void kill(String reason) {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        die(reason);
    }

    private synchronized void die(String reason) {
        if (state instanceof EnvironmentState.Dead) {
            return;
        }
        state = new EnvironmentState.Dead(reason);
        pending.clear();
        pending.offer(SHUTDOWN);
        if (server != null) {
            server.close();
        }
        if (cgroup != null) {
            cgroup.destroy();
        }
    }
}
