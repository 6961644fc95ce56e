package dev.ignis.registry.concurrency;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.registry.AliasSnapshot;
import dev.ignis.contracts.registry.ProvisionedConcurrencySnapshot;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.registry.alias.AliasDeleted;
import dev.ignis.registry.alias.AliasService;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.api.Pages;
import dev.ignis.registry.function.FunctionDeleted;
import dev.ignis.registry.function.FunctionService;
import dev.ignis.registry.function.FunctionViews;
import dev.ignis.registry.outbox.ChangeLog;
import dev.ignis.registry.version.VersionDeleted;
import dev.ignis.registry.version.VersionService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provisioned concurrency of a version or an alias. A change records a PROVISIONED_CONCURRENCY
 * change keyed {@code <qualified ARN>#provisioned-concurrency}; a delete records its tombstone.
 * The registry records the request; keeping environments warm is invocation-service's job, so
 * the status answered is READY at once.
 */
@Service
class ProvisionedConcurrencyService {

    private final ProvisionedConcurrencyRepository provisioned;
    private final ReservedConcurrencyRepository reserved;
    private final ConcurrencyLedger ledger;
    private final FunctionService functions;
    private final VersionService versions;
    private final AliasService aliases;
    private final FunctionViews views;
    private final ChangeLog changes;
    private final Clock clock;

    ProvisionedConcurrencyService(
            ProvisionedConcurrencyRepository provisioned,
            ReservedConcurrencyRepository reserved,
            ConcurrencyLedger ledger,
            FunctionService functions,
            VersionService versions,
            AliasService aliases,
            FunctionViews views,
            ChangeLog changes,
            Clock clock) {
        this.provisioned = provisioned;
        this.reserved = reserved;
        this.ledger = ledger;
        this.functions = functions;
        this.versions = versions;
        this.aliases = aliases;
        this.views = views;
        this.changes = changes;
        this.clock = clock;
    }

    /** One configuration as the API shows it. */
    record ProvisionedConfig(String functionArn, String qualifier, int requested, Instant lastModified) {}

    @Transactional
    ProvisionedConfig put(String functionName, String qualifier, Integer executions) {
        if (executions == null || executions < 1) {
            throw LambdaApiException.validation(
                    executions,
                    "provisionedConcurrentExecutions",
                    executions == null
                            ? "Member must not be null"
                            : "Member must have value greater than or equal to 1");
        }
        Target target = target(
                functionName,
                qualifier,
                "Provisioned Concurrency Configs cannot be applied to" + " unpublished function versions.");
        ConcurrencyBudget budget = ledger.lockAndRead();
        checkConflicts(target);
        checkBudget(target, budget, executions);
        ProvisionedConcurrencyEntity entity = provisioned
                .findByFunctionNameAndQualifier(target.functionName(), target.qualifier())
                .orElseGet(ProvisionedConcurrencyEntity::new);
        entity.functionName = target.functionName();
        entity.qualifier = target.qualifier();
        entity.requestedExecutions = executions;
        entity.lastModified = clock.instant();
        provisioned.save(entity);
        ProvisionedConfig config = view(entity);
        changes.changed(
                ResourceType.PROVISIONED_CONCURRENCY,
                config.functionArn(),
                null,
                new ProvisionedConcurrencySnapshot(config.functionArn(), config.qualifier(), config.requested()));
        return config;
    }

    @Transactional(readOnly = true)
    ProvisionedConfig get(String functionName, String qualifier) {
        Target target = target(
                functionName, qualifier, "The function resource provided must be an alias or a published version.");
        return provisioned
                .findByFunctionNameAndQualifier(target.functionName(), target.qualifier())
                .map(this::view)
                .orElseThrow(() -> new LambdaApiException(
                        LambdaErrorType.PROVISIONED_CONCURRENCY_CONFIG_NOT_FOUND,
                        "No Provisioned Concurrency Config found for this function"));
    }

    /** Idempotent, as on AWS: a qualifier without a configuration answers 204 too. */
    @Transactional
    void delete(String functionName, String qualifier) {
        Target target = target(
                functionName, qualifier, "The function resource provided must be an alias or a published version.");
        remove(target.functionName(), target.qualifier());
    }

    @Transactional(readOnly = true)
    List<ProvisionedConfig> list(String functionName, String marker, int limit) {
        String name = FunctionRef.parse(functionName).functionName();
        functions.latest(name);
        return Pages.after(provisioned.findByFunctionNameOrderByQualifierAsc(name), marker, p -> p.qualifier)
                .limit(limit)
                .map(this::view)
                .toList();
    }

    @EventListener
    void onFunctionDeleted(FunctionDeleted deleted) {
        provisioned
                .findByFunctionNameOrderByQualifierAsc(deleted.functionName())
                .forEach(p -> remove(p.functionName, p.qualifier));
    }

    @EventListener
    void onVersionDeleted(VersionDeleted deleted) {
        remove(deleted.functionName(), deleted.version());
    }

    @EventListener
    void onAliasDeleted(AliasDeleted deleted) {
        remove(deleted.functionName(), deleted.alias());
    }

    /** A version or alias that exists: what a configuration may be put on. */
    private record Target(String functionName, String qualifier, Optional<AliasSnapshot> alias) {}

    private Target target(String functionName, String qualifier, String latestMessage) {
        FunctionRef ref = FunctionRef.parse(functionName, qualifier);
        String q = ref.qualifier()
                .orElseThrow(() -> LambdaApiException.validation(null, "qualifier", "Member must not be null"));
        if (q.equals("$LATEST")) {
            throw LambdaApiException.invalidParameter(latestMessage);
        }
        String name = ref.functionName();
        if (q.matches("[0-9]+")) {
            if (versions.find(name, q).isEmpty()) {
                throw LambdaApiException.functionNotFound(views.qualifiedArn(name, q));
            }
            return new Target(name, q, Optional.empty());
        }
        AliasSnapshot alias =
                aliases.find(name, q).orElseThrow(() -> LambdaApiException.aliasNotFound(views.qualifiedArn(name, q)));
        return new Target(name, q, Optional.of(alias));
    }

    /**
     * A function with a reservation provisions out of it; one without provisions out of the
     * account's unreserved pool, which must keep its minimum.
     */
    private void checkBudget(Target target, ConcurrencyBudget budget, int executions) {
        int others = provisioned.findByFunctionNameOrderByQualifierAsc(target.functionName()).stream()
                .filter(p -> !p.qualifier.equals(target.qualifier()))
                .mapToInt(p -> p.requestedExecutions)
                .sum();
        var reservation = reserved.findById(target.functionName());
        if (reservation.isPresent() && reservation.get().reservedExecutions < others + executions) {
            throw LambdaApiException.invalidParameter(
                    "Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution"
                            + " for function");
        }
        if (reservation.isEmpty()
                && !budget.withProvisioned(target.functionName(), others + executions)
                        .keepsMinimum()) {
            throw LambdaApiException.invalidParameter("Specified ConcurrentExecutions for function decreases account's"
                    + " UnreservedConcurrentExecution below its minimum value of ["
                    + ConcurrencyBudget.MINIMUM_UNRESERVED + "].");
        }
    }

    /** A version is provisioned either directly or through one alias, never both. */
    private void checkConflicts(Target target) {
        if (target.alias().isPresent()) {
            String version = target.alias().get().functionVersion();
            if (provisioned
                    .findByFunctionNameAndQualifier(target.functionName(), version)
                    .isPresent()) {
                throw LambdaApiException.conflict(
                        "Alias can't be used for Provisioned Concurrency configuration on an already Provisioned"
                                + " version");
            }
            return;
        }
        boolean viaAlias = aliases.aliasesPointingTo(target.functionName(), target.qualifier()).stream()
                .anyMatch(alias -> provisioned
                        .findByFunctionNameAndQualifier(target.functionName(), alias)
                        .isPresent());
        if (viaAlias) {
            throw LambdaApiException.conflict("Version is pointed by a Provisioned Concurrency alias");
        }
    }

    private void remove(String functionName, String qualifier) {
        provisioned.findByFunctionNameAndQualifier(functionName, qualifier).ifPresent(entity -> {
            provisioned.delete(entity);
            changes.deleted(ResourceType.PROVISIONED_CONCURRENCY, views.qualifiedArn(functionName, qualifier));
        });
    }

    private ProvisionedConfig view(ProvisionedConcurrencyEntity p) {
        return new ProvisionedConfig(
                views.qualifiedArn(p.functionName, p.qualifier), p.qualifier, p.requestedExecutions, p.lastModified);
    }
}
