package dev.ignis.invocation.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignis.contracts.error.ThrottleReason;
import dev.ignis.invocation.concurrency.Admission.Decision;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    private static final Admission.Limits LIMITS = new Admission.Limits(1000, Map.of("reserved", 10, "zero", 0));

    @Test
    void unreservedPoolIsTheAccountLimitMinusEveryReservation() {
        assertThat(LIMITS.unreservedPool()).isEqualTo(990);
    }

    @Test
    void aReservedFunctionRunsUpToItsReservationAndNoFurther() {
        assertThat(Admission.decide(LIMITS, new Admission.Usage(Map.of("reserved", 9), 990), "reserved"))
                .isEqualTo(new Decision.Admitted(true));
        assertThat(Admission.decide(LIMITS, new Admission.Usage(Map.of("reserved", 10), 0), "reserved"))
                .isEqualTo(new Decision.Throttled(ThrottleReason.ReservedFunctionConcurrentInvocationLimitExceeded));
    }

    @Test
    void reservationOfZeroThrottlesEverything() {
        assertThat(Admission.decide(LIMITS, new Admission.Usage(Map.of(), 0), "zero"))
                .isEqualTo(new Decision.Throttled(ThrottleReason.ReservedFunctionConcurrentInvocationLimitExceeded));
    }

    @Test
    void otherFunctionsShareTheUnreservedPool() {
        assertThat(Admission.decide(LIMITS, new Admission.Usage(Map.of("a", 500), 989), "b"))
                .isEqualTo(new Decision.Admitted(false));
        assertThat(Admission.decide(LIMITS, new Admission.Usage(Map.of("a", 990), 990), "b"))
                .isEqualTo(new Decision.Throttled(ThrottleReason.ConcurrentInvocationLimitExceeded));
    }

    @Test
    void gateCountsPermitsAndFreesThemOnRelease() {
        Map<String, Integer> reservations = new HashMap<>(Map.of("r", 1));
        ConcurrencyGate gate = new ConcurrencyGate(3, () -> reservations);
        ConcurrencyGate.Permit reserved = gate.acquire("r");
        assertThatThrownBy(() -> gate.acquire("r"))
                .isInstanceOfSatisfying(ConcurrencyGate.ThrottledException.class, e -> assertThat(e.reason())
                        .isEqualTo(ThrottleReason.ReservedFunctionConcurrentInvocationLimitExceeded));
        ConcurrencyGate.Permit a = gate.acquire("a");
        ConcurrencyGate.Permit b = gate.acquire("b");
        assertThatThrownBy(() -> gate.acquire("c"))
                .isInstanceOfSatisfying(ConcurrencyGate.ThrottledException.class, e -> assertThat(e.reason())
                        .isEqualTo(ThrottleReason.ConcurrentInvocationLimitExceeded));
        // the reservation is dropped while its permit is out: the release still balances the books
        reservations.clear();
        gate.release(reserved);
        gate.release(a);
        gate.release(b);
        assertThat(gate.total()).isZero();
        gate.acquire("a");
        gate.acquire("b");
        gate.acquire("c");
        assertThat(gate.inFlight("c")).isEqualTo(1);
    }
}
