package dev.ignis.registry.policy;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.registry.AliasSnapshot;
import dev.ignis.contracts.registry.PolicySnapshot;
import dev.ignis.contracts.registry.PolicySnapshot.Statement;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.registry.alias.AliasDeleted;
import dev.ignis.registry.alias.AliasService;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.function.FunctionDeleted;
import dev.ignis.registry.function.FunctionService;
import dev.ignis.registry.function.FunctionViews;
import dev.ignis.registry.function.StoredFunction;
import dev.ignis.registry.outbox.ChangeLog;
import dev.ignis.registry.outbox.WireJson;
import dev.ignis.registry.policy.PolicyApi.AddPermissionRequest;
import dev.ignis.registry.version.VersionDeleted;
import dev.ignis.registry.version.VersionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resource policies: AddPermission statements on a function, a version or an alias. Every change
 * gets a new RevisionId and records a POLICY change keyed by the ARN the statements are attached
 * to; removing the last statement, or deleting what the policy belongs to, records its tombstone.
 *
 * <p>The RevisionId that AddPermission and RemovePermission compare is the policy's own (the one
 * GetPolicy answers); before a policy exists, AddPermission compares the function's, version's or
 * alias's RevisionId instead.
 */
@Service
class PolicyService {

    static final String LATEST = "$LATEST";
    private static final Pattern QUALIFIER = Pattern.compile("[a-zA-Z0-9$_-]{1,128}");
    private static final Pattern VERSION = Pattern.compile("[0-9]+");

    private final PolicyRepository policies;
    private final FunctionService functions;
    private final VersionService versions;
    private final AliasService aliases;
    private final FunctionViews views;
    private final ChangeLog changes;
    private final JsonMapper json;

    PolicyService(
            PolicyRepository policies,
            FunctionService functions,
            VersionService versions,
            AliasService aliases,
            FunctionViews views,
            ChangeLog changes,
            WireJson wireJson) {
        this.policies = policies;
        this.functions = functions;
        this.versions = versions;
        this.aliases = aliases;
        this.views = views;
        this.changes = changes;
        this.json = wireJson.mapper();
    }

    /** A policy as GetPolicy shows it. */
    record Policy(String functionArn, List<Statement> statements, String revisionId) {}

    /** What a policy is attached to: the function ({@code qualifier} null), a version or an alias. */
    private record Target(String functionName, String qualifier) {

        String storedQualifier() {
            return qualifier == null ? LATEST : qualifier;
        }
    }

    /** Adds one statement; answers it rendered as AWS does. */
    @Transactional
    String add(String functionName, String qualifier, AddPermissionRequest request) {
        Target target = target(functionName, qualifier);
        PermissionRules.check(request);
        if (LATEST.equals(target.qualifier())) {
            throw LambdaApiException.invalidParameter("We currently do not support adding policies for $LATEST.");
        }
        String targetRevision = revisionOf(target);
        Optional<PolicyEntity> existing = find(target);
        LambdaApiException.checkRevision(
                request.revisionId(), existing.map(p -> p.revisionId).orElse(targetRevision));
        List<Statement> statements =
                new ArrayList<>(existing.map(this::statements).orElse(List.of()));
        if (statements.stream().anyMatch(s -> s.sid().equals(request.statementId()))) {
            throw LambdaApiException.conflict("The statement id (" + request.statementId()
                    + ") provided already exists. Please provide a new statement id, or remove the existing"
                    + " statement.");
        }
        Statement statement = new Statement(
                request.statementId(),
                request.principal(),
                request.action(),
                arn(target),
                request.sourceArn(),
                request.sourceAccount(),
                request.principalOrgID(),
                request.eventSourceToken(),
                request.functionUrlAuthType(),
                request.invokedViaFunctionUrl());
        statements.add(statement);
        PolicyEntity policy = existing.orElseGet(() -> newPolicy(target));
        save(policy, statements);
        return PolicyDocument.statement(statement);
    }

    @Transactional(readOnly = true)
    Policy get(String functionName, String qualifier) {
        Target target = normalized(target(functionName, qualifier));
        if (functions.findLatest(target.functionName()).isEmpty()) {
            throw LambdaApiException.functionNotFound(views.unqualifiedArn(target.functionName()));
        }
        PolicyEntity policy = find(target).orElseThrow(() -> notFound("The resource you requested does not exist."));
        return new Policy(arn(target), statements(policy), policy.revisionId);
    }

    @Transactional
    void remove(String functionName, String statementId, String qualifier, String revisionId) {
        Target target = normalized(target(functionName, qualifier));
        if (functions.findLatest(target.functionName()).isEmpty()) {
            throw notFound("No policy found for: " + views.unqualifiedArn(target.functionName()));
        }
        PolicyEntity policy =
                find(target).orElseThrow(() -> notFound("No policy is associated with the given resource."));
        List<Statement> statements = new ArrayList<>(statements(policy));
        if (!statements.removeIf(s -> s.sid().equals(statementId))) {
            throw notFound("Statement " + statementId + " is not found in resource policy.");
        }
        LambdaApiException.checkRevision(revisionId, policy.revisionId);
        if (statements.isEmpty()) {
            delete(policy);
        } else {
            save(policy, statements);
        }
    }

    @EventListener
    void onFunctionDeleted(FunctionDeleted deleted) {
        policies.findByFunctionName(deleted.functionName()).forEach(this::delete);
    }

    @EventListener
    void onVersionDeleted(VersionDeleted deleted) {
        find(new Target(deleted.functionName(), deleted.version())).ifPresent(this::delete);
    }

    @EventListener
    void onAliasDeleted(AliasDeleted deleted) {
        find(new Target(deleted.functionName(), deleted.alias())).ifPresent(this::delete);
    }

    private Target target(String functionName, String qualifier) {
        FunctionRef ref = FunctionRef.parse(functionName, qualifier);
        String q = ref.qualifier().orElse(null);
        if (q != null && !QUALIFIER.matcher(q).matches()) {
            throw LambdaApiException.validation(
                    q, "qualifier", "Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)");
        }
        return new Target(ref.functionName(), q);
    }

    /** GetPolicy and RemovePermission read {@code $LATEST}'s policy as the function's. */
    private static Target normalized(Target target) {
        return LATEST.equals(target.qualifier()) ? new Target(target.functionName(), null) : target;
    }

    /** The RevisionId of what the policy is attached to; not found when it does not exist. */
    private String revisionOf(Target target) {
        String name = target.functionName();
        StoredFunction latest = functions
                .findLatest(name)
                .orElseThrow(() -> LambdaApiException.functionNotFound(views.unqualifiedArn(name)));
        if (target.qualifier() == null) {
            return latest.revisionId();
        }
        Optional<String> revision = VERSION.matcher(target.qualifier()).matches()
                ? versions.find(name, target.qualifier()).map(StoredFunction::revisionId)
                : aliases.find(name, target.qualifier()).map(AliasSnapshot::revisionId);
        return revision.orElseThrow(() -> LambdaApiException.functionNotFound(arn(target)));
    }

    private Optional<PolicyEntity> find(Target target) {
        return policies.findByFunctionNameAndQualifier(target.functionName(), target.storedQualifier());
    }

    private static PolicyEntity newPolicy(Target target) {
        PolicyEntity policy = new PolicyEntity();
        policy.functionName = target.functionName();
        policy.qualifier = target.storedQualifier();
        return policy;
    }

    private void save(PolicyEntity policy, List<Statement> statements) {
        policy.statements = json.writeValueAsString(statements);
        policy.revisionId = UUID.randomUUID().toString();
        policies.save(policy);
        Target target = targetOf(policy);
        changes.changed(
                ResourceType.POLICY,
                arn(target),
                policy.revisionId,
                new PolicySnapshot(arn(target), target.qualifier(), statements, policy.revisionId));
    }

    private void delete(PolicyEntity policy) {
        policies.delete(policy);
        changes.deleted(ResourceType.POLICY, arn(targetOf(policy)));
    }

    private List<Statement> statements(PolicyEntity policy) {
        return json.readValue(policy.statements, new TypeReference<List<Statement>>() {});
    }

    private static Target targetOf(PolicyEntity policy) {
        return new Target(policy.functionName, policy.qualifier.equals(LATEST) ? null : policy.qualifier);
    }

    private String arn(Target target) {
        return target.qualifier() == null
                ? views.unqualifiedArn(target.functionName())
                : views.qualifiedArn(target.functionName(), target.qualifier());
    }

    private static LambdaApiException notFound(String message) {
        return new LambdaApiException(LambdaErrorType.RESOURCE_NOT_FOUND, message);
    }
}
