package dev.ignis.invocation.concurrency;

import dev.ignis.contracts.error.ThrottleReason;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Lambda's concurrency rules as a pure function. A function with reserved concurrency runs at most
 * that many invocations at once and draws on nothing else; every other function shares the
 * unreserved pool, which is the account limit minus all reservations.
 */
public final class Admission {

    private Admission() {}

    /** What is running right now. */
    public record Usage(Map<String, Integer> inFlightByFunction, int unreservedInFlight) {

        int of(String function) {
            return inFlightByFunction.getOrDefault(function, 0);
        }
    }

    /** The limits in force: the account's and each function's reservation. */
    public record Limits(int account, Map<String, Integer> reserved) {

        public int unreservedPool() {
            return account
                    - reserved.values().stream().mapToInt(Integer::intValue).sum();
        }

        OptionalInt reservationOf(String function) {
            Integer value = reserved.get(function);
            return value == null ? OptionalInt.empty() : OptionalInt.of(value);
        }
    }

    public sealed interface Decision {
        record Admitted(boolean reserved) implements Decision {}

        record Throttled(ThrottleReason reason) implements Decision {}
    }

    public static Decision decide(Limits limits, Usage usage, String function) {
        OptionalInt reservation = limits.reservationOf(function);
        if (reservation.isPresent()) {
            return usage.of(function) < reservation.getAsInt()
                    ? new Decision.Admitted(true)
                    : new Decision.Throttled(ThrottleReason.ReservedFunctionConcurrentInvocationLimitExceeded);
        }
        return usage.unreservedInFlight() < limits.unreservedPool()
                ? new Decision.Admitted(false)
                : new Decision.Throttled(ThrottleReason.ConcurrentInvocationLimitExceeded);
    }
}
