package dev.ignis.invocation.catalog;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.registry.AliasSnapshot;
import dev.ignis.contracts.registry.ConcurrencySnapshot;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.contracts.registry.ProvisionedConcurrencySnapshot;
import dev.ignis.contracts.registry.ResourceType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The invocation service's view of the registry: every function's {@code $LATEST}, its published
 * versions and its aliases, by ARN. The warm invoke path resolves functions here and nowhere
 * else. Pure in-memory state, fed by {@link RegistryView}.
 */
public final class FunctionCatalog {

    static final String LATEST = "$LATEST";

    private final String region;
    private final String accountId;
    private final Map<String, FunctionSnapshot> functions = new ConcurrentHashMap<>();
    private final Map<String, AliasSnapshot> aliases = new ConcurrentHashMap<>();
    private final Map<String, Integer> reservations = new ConcurrentHashMap<>();
    private final Map<String, ProvisionedConcurrencySnapshot> provisioned = new ConcurrentHashMap<>();

    public FunctionCatalog(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    /**
     * The configuration an invoke of {@code ref} runs: {@code $LATEST} when unqualified, the named
     * version, or an alias's primary version (weighted routing is decided by the caller).
     */
    public Optional<FunctionSnapshot> resolve(FunctionRef ref) {
        String base = ref.toUnqualifiedArn(region, accountId);
        String qualifier = ref.qualifier().orElse(LATEST);
        if (qualifier.equals(LATEST)) {
            return Optional.ofNullable(functions.get(base));
        }
        FunctionSnapshot version = functions.get(base + ":" + qualifier);
        if (version != null) {
            return Optional.of(version);
        }
        AliasSnapshot alias = aliases.get(base + ":" + qualifier);
        if (alias == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                alias.functionVersion().equals(LATEST)
                        ? functions.get(base)
                        : functions.get(base + ":" + alias.functionVersion()));
    }

    /**
     * What an invoke of {@code ref} runs: like {@link #resolve}, but an alias with
     * {@code AdditionalVersionWeights} picks its version by weight ({@code random} in [0, 1)).
     */
    public Optional<FunctionSnapshot> route(FunctionRef ref, double random) {
        String qualifier = ref.qualifier().orElse(LATEST);
        AliasSnapshot alias = qualifier.equals(LATEST)
                ? null
                : aliases.get(ref.toUnqualifiedArn(region, accountId) + ":" + qualifier);
        if (alias != null && !alias.additionalVersionWeights().isEmpty()) {
            double cumulative = 0;
            for (var weighted : alias.additionalVersionWeights().entrySet()) {
                cumulative += weighted.getValue();
                if (random < cumulative) {
                    return Optional.ofNullable(
                            functions.get(ref.toUnqualifiedArn(region, accountId) + ":" + weighted.getKey()));
                }
            }
        }
        return resolve(ref);
    }

    /** The version an alias points at, if {@code ref} names a known alias. */
    public Optional<String> aliasTarget(FunctionRef ref) {
        return ref.qualifier()
                .map(q -> aliases.get(ref.toUnqualifiedArn(region, accountId) + ":" + q))
                .map(AliasSnapshot::functionVersion);
    }

    /** Whether {@code snapshot} is still the configuration of its version (same RevisionId, not deleted). */
    public boolean isCurrent(FunctionSnapshot snapshot) {
        FunctionSnapshot now = functions.get(snapshot.functionArn());
        return now != null && now.revisionId().equals(snapshot.revisionId());
    }

    /** Reserved concurrency by unqualified function ARN: a live view. */
    public Map<String, Integer> reservations() {
        return reservations;
    }

    /** Provisioned concurrency configurations by qualified ARN: a live view. */
    public Map<String, ProvisionedConcurrencySnapshot> provisioned() {
        return provisioned;
    }

    void putReservation(ConcurrencySnapshot snapshot) {
        reservations.put(snapshot.functionArn(), snapshot.reservedConcurrentExecutions());
    }

    void putProvisioned(ProvisionedConcurrencySnapshot snapshot) {
        provisioned.put(snapshot.functionArn(), snapshot);
    }

    /** Stores a function's $LATEST (unqualified ARN) or a version (qualified ARN). */
    void putFunction(String arn, FunctionSnapshot snapshot) {
        functions.put(arn, snapshot);
    }

    void putAlias(String arn, AliasSnapshot snapshot) {
        aliases.put(arn, snapshot);
    }

    /** Drops whatever a tombstone's key named. */
    void remove(String key) {
        ResourceType.bySuffixOf(key)
                .ifPresentOrElse(
                        type -> {
                            String arn = key.substring(
                                    0, key.length() - type.keySuffix().length());
                            if (type == ResourceType.CONCURRENCY) {
                                reservations.remove(arn);
                            } else if (type == ResourceType.PROVISIONED_CONCURRENCY) {
                                provisioned.remove(arn);
                            }
                        },
                        () -> {
                            functions.remove(key);
                            aliases.remove(key);
                            if (!functions.containsKey(key)) {
                                reservations.remove(key);
                            }
                        });
    }

    public int size() {
        return functions.size() + aliases.size();
    }
}
