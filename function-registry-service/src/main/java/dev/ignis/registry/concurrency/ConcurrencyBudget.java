package dev.ignis.registry.concurrency;

import java.util.HashMap;
import java.util.Map;

/**
 * The account's concurrency as AWS accounts it, as a pure value: a reservation takes its whole
 * size from the pool; provisioned concurrency comes out of the function's reservation when it has
 * one and out of the pool when it has none. What is left is the unreserved pool, which AWS keeps
 * at 100 or more.
 *
 * @param accountLimit the account's concurrency ({@code ignis.registry.account-concurrency})
 * @param reserved reserved concurrency by function name
 * @param provisioned provisioned concurrency by function name, summed over its qualifiers
 */
record ConcurrencyBudget(int accountLimit, Map<String, Integer> reserved, Map<String, Integer> provisioned) {

    static final int MINIMUM_UNRESERVED = 100;

    ConcurrencyBudget {
        reserved = Map.copyOf(reserved);
        provisioned = Map.copyOf(provisioned);
    }

    int unreserved() {
        int taken = reserved.values().stream().mapToInt(Integer::intValue).sum();
        taken += provisioned.entrySet().stream()
                .filter(e -> !reserved.containsKey(e.getKey()))
                .mapToInt(Map.Entry::getValue)
                .sum();
        return accountLimit - taken;
    }

    boolean keepsMinimum() {
        return unreserved() >= MINIMUM_UNRESERVED;
    }

    /** The budget after {@code function} reserves {@code executions}. */
    ConcurrencyBudget withReservation(String function, int executions) {
        Map<String, Integer> next = new HashMap<>(reserved);
        next.put(function, executions);
        return new ConcurrencyBudget(accountLimit, next, provisioned);
    }

    /** The budget after {@code function}'s provisioned concurrency totals {@code executions}. */
    ConcurrencyBudget withProvisioned(String function, int executions) {
        Map<String, Integer> next = new HashMap<>(provisioned);
        next.put(function, executions);
        return new ConcurrencyBudget(accountLimit, reserved, next);
    }
}
