package dev.ignis.registry.concurrency;

import dev.ignis.registry.config.RegistryProperties;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads the account's {@link ConcurrencyBudget} from the database, under the account lock when it is about to change. */
@Component
class ConcurrencyLedger {

    private final ReservedConcurrencyRepository reserved;
    private final ProvisionedConcurrencyRepository provisioned;
    private final ConcurrencyLockRepository locks;
    private final int accountLimit;

    ConcurrencyLedger(
            ReservedConcurrencyRepository reserved,
            ProvisionedConcurrencyRepository provisioned,
            ConcurrencyLockRepository locks,
            RegistryProperties properties) {
        this.reserved = reserved;
        this.provisioned = provisioned;
        this.locks = locks;
        this.accountLimit = properties.accountConcurrency();
    }

    /**
     * Locks the account's concurrency until the caller's transaction ends, then reads it: two
     * writes that each keep the pool at 100 cannot together take it below.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    ConcurrencyBudget lockAndRead() {
        locks.lock(ConcurrencyLockEntity.CONCURRENCY)
                .orElseThrow(() -> new IllegalStateException("The account_lock row is missing (migration V2)"));
        return read();
    }

    @Transactional(readOnly = true)
    ConcurrencyBudget read() {
        Map<String, Integer> reservations = new HashMap<>();
        reserved.findAll().forEach(r -> reservations.put(r.functionName, r.reservedExecutions));
        Map<String, Integer> provisionedByFunction = new HashMap<>();
        provisioned
                .findAll()
                .forEach(p -> provisionedByFunction.merge(p.functionName, p.requestedExecutions, Integer::sum));
        return new ConcurrencyBudget(accountLimit, reservations, provisionedByFunction);
    }
}
