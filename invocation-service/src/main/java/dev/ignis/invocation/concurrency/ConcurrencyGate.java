package dev.ignis.invocation.concurrency;

import dev.ignis.contracts.error.ThrottleReason;
import dev.ignis.invocation.concurrency.Admission.Decision;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Counts invocations in flight and admits or throttles each new one by {@link Admission}. One
 * lock around a few map operations: far below the cost of the invoke it guards.
 */
public final class ConcurrencyGate {

    private final int accountLimit;
    private final Supplier<Map<String, Integer>> reservations;
    private final Map<String, Integer> inFlight = new HashMap<>();
    private int unreservedInFlight;

    /**
     * @param reservations the current reserved concurrency by unqualified function ARN (a live view)
     */
    public ConcurrencyGate(int accountLimit, Supplier<Map<String, Integer>> reservations) {
        this.accountLimit = accountLimit;
        this.reservations = reservations;
    }

    /** A slot taken; give it back with {@link #release}. */
    public record Permit(String function, boolean reserved) {}

    /** Thrown when the limits leave no slot; carries the {@code Reason} of the 429. */
    public static final class ThrottledException extends RuntimeException {
        private final ThrottleReason reason;

        ThrottledException(ThrottleReason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        public ThrottleReason reason() {
            return reason;
        }
    }

    /** Takes a slot for {@code function} (unqualified ARN) or throws {@link ThrottledException}. */
    public synchronized Permit acquire(String function) {
        Admission.Limits limits = new Admission.Limits(accountLimit, reservations.get());
        Decision decision = Admission.decide(limits, new Admission.Usage(inFlight, unreservedInFlight), function);
        if (decision instanceof Decision.Throttled throttled) {
            throw new ThrottledException(throttled.reason());
        }
        boolean reserved = ((Decision.Admitted) decision).reserved();
        inFlight.merge(function, 1, Integer::sum);
        if (!reserved) {
            unreservedInFlight++;
        }
        return new Permit(function, reserved);
    }

    public synchronized void release(Permit permit) {
        Integer left = inFlight.merge(permit.function(), -1, Integer::sum);
        if (left != null && left <= 0) {
            inFlight.remove(permit.function());
        }
        if (!permit.reserved()) {
            unreservedInFlight = Math.max(0, unreservedInFlight - 1);
        }
    }

    public synchronized int inFlight(String function) {
        return inFlight.getOrDefault(function, 0);
    }

    public synchronized int unreservedInFlight() {
        return unreservedInFlight;
    }

    public synchronized int total() {
        return inFlight.values().stream().mapToInt(Integer::intValue).sum();
    }
}
