package dev.ignis.registry.layer;

import dev.ignis.contracts.arn.LambdaArns;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.registry.api.Constraints;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.config.RegistryProperties;
import dev.ignis.registry.layer.LayerRules.LayerId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Add/RemoveLayerVersionPermission and GetLayerVersionPolicy: who may use a layer version. Each
 * change gets a new RevisionId, which Add and Remove check when given. The policy is the
 * registry's alone (every function of an Ignis installation belongs to its one account, so no
 * other service reads it) and is published nowhere; it goes with its layer version.
 */
@Service
class LayerPermissionService {

    static final String ACTION = "lambda:GetLayerVersion";
    /** AWS's limit on a resource policy, in bytes. */
    static final int MAX_POLICY_BYTES = 20_480;

    private static final String STATEMENT_ID = "([a-zA-Z0-9-_]+)";
    private static final String PRINCIPAL = "\\d{12}|\\*|arn:(aws[a-zA-Z-]*):iam::\\d{12}:root";
    private static final String ORGANIZATION_ID = "o-[a-z0-9]{10,32}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LayerVersionRepository versions;
    private final LayerPolicyRepository policies;
    private final RegistryProperties properties;

    LayerPermissionService(
            LayerVersionRepository versions, LayerPolicyRepository policies, RegistryProperties properties) {
        this.versions = versions;
        this.policies = policies;
        this.properties = properties;
    }

    /** The added statement, rendered, and the policy's new RevisionId. */
    record Added(String statement, String revisionId) {}

    /** The whole policy, rendered, and its RevisionId. */
    record Policy(String policy, String revisionId) {}

    @Transactional
    Added add(String layerName, long version, LayerStatement statement, String revisionId) {
        checkStatementId(statement.sid());
        Constraints.requiredString(statement.action(), "action", ACTION, 22);
        Constraints.requiredString(statement.principal(), "principal", PRINCIPAL, 256);
        Constraints.string(statement.organizationId(), "organizationId", ORGANIZATION_ID, 34);
        String arn = existingVersionArn(layerName, version);
        String name = LayerRules.layerName(layerName).name();
        LayerPolicyEntity policy =
                policies.findByLayerNameAndVersion(name, version).orElse(null);
        List<LayerStatement> statements = policy == null ? new ArrayList<>() : statements(policy);
        if (statements.stream().anyMatch(s -> s.sid().equals(statement.sid()))) {
            throw LambdaApiException.conflict("The statement id (" + statement.sid()
                    + ") provided already exists. Please provide a new statement id, or remove the existing"
                    + " statement.");
        }
        checkRevision(revisionId, policy);
        statements.add(statement);
        checkSize(LayerStatement.policy(statements, arn));
        if (policy == null) {
            policy = new LayerPolicyEntity();
            policy.layerName = name;
            policy.version = version;
        }
        policy.statements = JSON.writeValueAsString(statements);
        policy.revisionId = UUID.randomUUID().toString();
        policies.save(policy);
        return new Added(statement.render(arn), policy.revisionId);
    }

    /** Removing the last statement removes the policy. */
    @Transactional
    void remove(String layerName, long version, String statementId, String revisionId) {
        checkStatementId(statementId);
        existingVersionArn(layerName, version);
        String name = LayerRules.layerName(layerName).name();
        LayerPolicyEntity policy =
                policies.findByLayerNameAndVersion(name, version).orElse(null);
        checkRevision(revisionId, policy);
        List<LayerStatement> statements = policy == null ? new ArrayList<>() : statements(policy);
        if (!statements.removeIf(s -> s.sid().equals(statementId))) {
            throw new LambdaApiException(
                    LambdaErrorType.RESOURCE_NOT_FOUND,
                    "Statement " + statementId + " is not found in resource policy.");
        }
        if (statements.isEmpty()) {
            policies.delete(policy);
            return;
        }
        policy.statements = JSON.writeValueAsString(statements);
        policy.revisionId = UUID.randomUUID().toString();
        policies.save(policy);
    }

    @Transactional(readOnly = true)
    Policy get(String layerName, long version) {
        String arn = existingVersionArn(layerName, version);
        LayerPolicyEntity policy = policies.findByLayerNameAndVersion(
                        LayerRules.layerName(layerName).name(), version)
                .orElseThrow(() -> new LambdaApiException(
                        LambdaErrorType.RESOURCE_NOT_FOUND, "No policy is associated with the given resource."));
        return new Policy(LayerStatement.policy(statements(policy), arn), policy.revisionId);
    }

    /** The layer version's ARN, or AWS's not-found error naming it. */
    private String existingVersionArn(String layerName, long version) {
        LayerId id = LayerRules.layerName(layerName);
        LayerRules.checkVersionNumber(version);
        String arn = LambdaArns.layerVersion(
                id.region().orElse(properties.region()),
                id.accountId().orElse(properties.accountId()),
                id.name(),
                version);
        boolean exists = id.isIn(properties.region(), properties.accountId())
                && versions.findByLayerNameAndVersion(id.name(), version).isPresent();
        if (!exists) {
            throw new LambdaApiException(
                    LambdaErrorType.RESOURCE_NOT_FOUND, "Layer version " + arn + " does not exist.");
        }
        return arn;
    }

    private static void checkStatementId(String statementId) {
        Constraints.requiredString(statementId, "statementId", STATEMENT_ID, 100);
    }

    /** Before any statement exists there is no revision to match. */
    private static void checkRevision(String expected, LayerPolicyEntity policy) {
        if (expected != null && !expected.isEmpty() && (policy == null || !expected.equals(policy.revisionId))) {
            throw new LambdaApiException(
                    LambdaErrorType.PRECONDITION_FAILED,
                    "The Revision Id provided does not match the latest Revision Id. Call the GetLayerPolicy API to"
                            + " retrieve the latest Revision Id");
        }
    }

    private static void checkSize(String policy) {
        int bytes = policy.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_POLICY_BYTES) {
            throw new LambdaApiException(
                    LambdaErrorType.POLICY_LENGTH_EXCEEDED,
                    "The final policy size (" + bytes + ") is bigger than the limit (" + MAX_POLICY_BYTES + ").");
        }
    }

    private static List<LayerStatement> statements(LayerPolicyEntity policy) {
        return new ArrayList<>(JSON.readValue(policy.statements, new TypeReference<List<LayerStatement>>() {}));
    }
}
