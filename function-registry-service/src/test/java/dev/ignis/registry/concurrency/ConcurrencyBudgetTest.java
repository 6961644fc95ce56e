package dev.ignis.registry.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConcurrencyBudgetTest {

    @Test
    void reservationsTakeTheirWholeSizeFromThePool() {
        var budget = new ConcurrencyBudget(1000, Map.of("a", 300, "b", 200), Map.of());

        assertThat(budget.unreserved()).isEqualTo(500);
    }

    @Test
    void provisionedConcurrencyComesOutOfAReservationWhenThereIsOne() {
        var budget = new ConcurrencyBudget(1000, Map.of("a", 300), Map.of("a", 50, "b", 40));

        assertThat(budget.unreserved()).isEqualTo(1000 - 300 - 40);
    }

    @Test
    void aNewReservationReplacesTheFunctionsOldOne() {
        var budget = new ConcurrencyBudget(1000, Map.of("a", 300), Map.of());

        assertThat(budget.withReservation("a", 100).unreserved()).isEqualTo(900);
    }

    @Test
    void keepsMinimumOnlyWhileOneHundredStayUnreserved() {
        var budget = new ConcurrencyBudget(1000, Map.of(), Map.of());

        assertThat(budget.withReservation("a", 900).keepsMinimum()).isTrue();
        assertThat(budget.withReservation("a", 901).keepsMinimum()).isFalse();
        assertThat(budget.withProvisioned("b", 901).keepsMinimum()).isFalse();
    }
}
