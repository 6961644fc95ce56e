package dev.ignis.registry.alias;

import dev.ignis.contracts.registry.AliasSnapshot;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.registry.alias.AliasApi.CreateAliasRequest;
import dev.ignis.registry.alias.AliasApi.UpdateAliasRequest;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.api.Pages;
import dev.ignis.registry.function.FunctionDeleted;
import dev.ignis.registry.function.FunctionService;
import dev.ignis.registry.function.FunctionViews;
import dev.ignis.registry.outbox.ChangeLog;
import dev.ignis.registry.version.VersionService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aliases: a name for {@code $LATEST} or a version, optionally with a weighted second version.
 * Every change gets a new RevisionId and records an ALIAS change keyed by the alias ARN; a delete
 * records its tombstone.
 */
@Service
public class AliasService {

    private final AliasRepository aliases;
    private final FunctionService functions;
    private final VersionService versions;
    private final FunctionViews views;
    private final ChangeLog changes;
    private final ApplicationEventPublisher events;

    AliasService(
            AliasRepository aliases,
            FunctionService functions,
            VersionService versions,
            FunctionViews views,
            ChangeLog changes,
            ApplicationEventPublisher events) {
        this.aliases = aliases;
        this.functions = functions;
        this.versions = versions;
        this.views = views;
        this.changes = changes;
        this.events = events;
    }

    @Transactional
    AliasSnapshot create(String functionName, CreateAliasRequest request) {
        AliasRules.checkName(request.name());
        AliasRules.checkFunctionVersion(request.functionVersion());
        AliasRules.checkDescription(request.description());
        functions.latest(functionName);
        requireVersion(functionName, request.functionVersion());
        if (aliases.findByFunctionNameAndName(functionName, request.name()).isPresent()) {
            throw LambdaApiException.conflict(
                    "Alias already exists: " + views.qualifiedArn(functionName, request.name()));
        }
        Map<String, Double> weights = weightsOf(request.routingConfig());
        checkRouting(functionName, weights, request.functionVersion());
        AliasEntity alias = new AliasEntity();
        alias.functionName = functionName;
        alias.name = request.name();
        alias.functionVersion = request.functionVersion();
        alias.description = request.description() == null ? "" : request.description();
        route(alias, weights);
        return save(alias);
    }

    @Transactional(readOnly = true)
    AliasSnapshot get(String functionName, String name) {
        return snapshot(load(functionName, name));
    }

    /** The alias, if it and its function exist. */
    @Transactional(readOnly = true)
    public Optional<AliasSnapshot> find(String functionName, String name) {
        return aliases.findByFunctionNameAndName(functionName, name).map(this::snapshot);
    }

    /** Only what the request names changes; an empty RoutingConfig removes the routing. */
    @Transactional
    AliasSnapshot update(String functionName, String name, UpdateAliasRequest request) {
        AliasEntity alias = load(functionName, name);
        LambdaApiException.checkRevision(request.revisionId(), alias.revisionId);
        AliasRules.checkDescription(request.description());
        String version = alias.functionVersion;
        if (request.functionVersion() != null) {
            AliasRules.checkFunctionVersion(request.functionVersion());
            requireVersion(functionName, request.functionVersion());
            version = request.functionVersion();
        }
        Map<String, Double> weights = request.routingConfig() != null
                ? weightsOf(request.routingConfig())
                : snapshot(alias).additionalVersionWeights();
        checkRouting(functionName, weights, version);
        alias.functionVersion = version;
        if (request.description() != null) {
            alias.description = request.description();
        }
        route(alias, weights);
        return save(alias);
    }

    @Transactional
    void delete(String functionName, String name) {
        AliasEntity alias = load(functionName, name);
        aliases.delete(alias);
        changes.deleted(ResourceType.ALIAS, views.qualifiedArn(functionName, name));
        events.publishEvent(new AliasDeleted(functionName, name));
    }

    /** Aliases in name order, after {@code marker}, optionally only those pointing at {@code version}. */
    @Transactional(readOnly = true)
    List<AliasSnapshot> list(String functionName, String version, String marker, int limit) {
        functions.latest(functionName);
        return Pages.after(aliases.findByFunctionNameOrderByNameAsc(functionName), marker, a -> a.name)
                .filter(a -> version == null || a.functionVersion.equals(version))
                .limit(limit)
                .map(this::snapshot)
                .toList();
    }

    /** The names of the aliases that route to {@code version}, first or as the weighted second. */
    @Transactional(readOnly = true)
    public List<String> aliasesPointingTo(String functionName, String version) {
        return aliases.findByFunctionNameOrderByNameAsc(functionName).stream()
                .filter(a -> a.pointsAt(version))
                .map(a -> a.name)
                .toList();
    }

    @EventListener
    void onFunctionDeleted(FunctionDeleted deleted) {
        for (AliasEntity alias : aliases.findByFunctionNameOrderByNameAsc(deleted.functionName())) {
            aliases.delete(alias);
            changes.deleted(ResourceType.ALIAS, views.qualifiedArn(deleted.functionName(), alias.name));
        }
    }

    private AliasEntity load(String functionName, String name) {
        functions.latest(functionName);
        return aliases.findByFunctionNameAndName(functionName, name)
                .orElseThrow(() -> LambdaApiException.aliasNotFound(views.qualifiedArn(functionName, name)));
    }

    private void requireVersion(String functionName, String version) {
        if (!version.equals(AliasRules.LATEST)
                && versions.find(functionName, version).isEmpty()) {
            throw LambdaApiException.functionNotFound(views.qualifiedArn(functionName, version));
        }
    }

    private void checkRouting(String functionName, Map<String, Double> weights, String primaryVersion) {
        AliasRules.checkRouting(weights, primaryVersion);
        weights.keySet().forEach(v -> requireVersion(functionName, v));
    }

    private static Map<String, Double> weightsOf(AliasApi.AliasRoutingConfiguration routing) {
        return routing == null || routing.additionalVersionWeights() == null
                ? Map.of()
                : routing.additionalVersionWeights();
    }

    private static void route(AliasEntity alias, Map<String, Double> weights) {
        var entry = weights.entrySet().stream().findFirst();
        alias.routingVersion = entry.map(Map.Entry::getKey).orElse(null);
        alias.routingWeight = entry.map(Map.Entry::getValue).orElse(null);
    }

    private AliasSnapshot save(AliasEntity alias) {
        alias.revisionId = UUID.randomUUID().toString();
        aliases.save(alias);
        AliasSnapshot snapshot = snapshot(alias);
        changes.changed(ResourceType.ALIAS, snapshot.aliasArn(), alias.revisionId, snapshot);
        return snapshot;
    }

    private AliasSnapshot snapshot(AliasEntity a) {
        return new AliasSnapshot(
                a.name,
                views.qualifiedArn(a.functionName, a.name),
                a.functionName,
                a.functionVersion,
                a.routingVersion == null ? Map.of() : Map.of(a.routingVersion, a.routingWeight),
                a.description,
                a.revisionId);
    }
}
