package dev.ignis.registry.concurrency;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.registry.ConcurrencySnapshot;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.function.ConcurrencyLookup;
import dev.ignis.registry.function.FunctionDeleted;
import dev.ignis.registry.function.FunctionService;
import dev.ignis.registry.function.FunctionViews;
import dev.ignis.registry.outbox.ChangeLog;
import java.util.OptionalInt;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserved concurrency (Put/Get/DeleteFunctionConcurrency). A change records a CONCURRENCY change
 * keyed {@code <function ARN>#concurrency}; removing a reservation records its tombstone.
 */
@Service
class ReservedConcurrencyService implements ConcurrencyLookup {

    private final ReservedConcurrencyRepository reserved;
    private final ProvisionedConcurrencyRepository provisioned;
    private final ConcurrencyLedger ledger;
    private final FunctionService functions;
    private final FunctionViews views;
    private final ChangeLog changes;

    ReservedConcurrencyService(
            ReservedConcurrencyRepository reserved,
            ProvisionedConcurrencyRepository provisioned,
            ConcurrencyLedger ledger,
            FunctionService functions,
            FunctionViews views,
            ChangeLog changes) {
        this.reserved = reserved;
        this.provisioned = provisioned;
        this.ledger = ledger;
        this.functions = functions;
        this.views = views;
        this.changes = changes;
    }

    @Transactional
    int put(String functionName, Integer executions) {
        FunctionRef ref = FunctionRef.parse(functionName);
        if (ref.qualifier().isPresent()) {
            throw LambdaApiException.invalidParameter("This operation is permitted on Lambda functions only. Aliases"
                    + " and versions do not support this operation. Please specify either a function name or an"
                    + " unqualified function ARN.");
        }
        if (executions == null) {
            throw LambdaApiException.validation(null, "reservedConcurrentExecutions", "Member must not be null");
        }
        if (executions < 0) {
            throw LambdaApiException.validation(
                    executions, "reservedConcurrentExecutions", "Member must have value greater than or equal to 0");
        }
        String name = ref.functionName();
        if (functions.findLatest(name).isEmpty()) {
            throw LambdaApiException.functionNotFound(views.qualifiedArn(name, "$LATEST"));
        }
        if (!ledger.lockAndRead().withReservation(name, executions).keepsMinimum()) {
            throw LambdaApiException.invalidParameter("Specified ReservedConcurrentExecutions for function decreases"
                    + " account's UnreservedConcurrentExecution below its minimum value of ["
                    + ConcurrencyBudget.MINIMUM_UNRESERVED + "].");
        }
        int provisionedTotal = provisioned.findByFunctionNameOrderByQualifierAsc(name).stream()
                .mapToInt(p -> p.requestedExecutions)
                .sum();
        if (provisionedTotal > executions) {
            throw LambdaApiException.invalidParameter(" ReservedConcurrentExecutions  " + executions
                    + " should not be lower than function's total provisioned concurrency [" + provisionedTotal + "].");
        }
        ReservedConcurrencyEntity entity = reserved.findById(name).orElseGet(ReservedConcurrencyEntity::new);
        entity.functionName = name;
        entity.reservedExecutions = executions;
        reserved.save(entity);
        String arn = views.unqualifiedArn(name);
        changes.changed(ResourceType.CONCURRENCY, arn, null, new ConcurrencySnapshot(arn, executions));
        return executions;
    }

    @Transactional(readOnly = true)
    OptionalInt get(String functionName) {
        String name = FunctionRef.parse(functionName).functionName();
        functions.latest(name);
        return reservedConcurrency(name);
    }

    @Override
    @Transactional(readOnly = true)
    public OptionalInt reservedConcurrency(String functionName) {
        return reserved.findById(functionName)
                .map(r -> OptionalInt.of(r.reservedExecutions))
                .orElse(OptionalInt.empty());
    }

    /** Idempotent, as on AWS: a function without a reservation answers 204 too. */
    @Transactional
    void delete(String functionName) {
        String name = FunctionRef.parse(functionName).functionName();
        functions.latest(name);
        remove(name);
    }

    @EventListener
    void onFunctionDeleted(FunctionDeleted deleted) {
        remove(deleted.functionName());
    }

    private void remove(String name) {
        reserved.findById(name).ifPresent(entity -> {
            reserved.delete(entity);
            changes.deleted(ResourceType.CONCURRENCY, views.unqualifiedArn(name));
        });
    }
}
