package dev.ignis.registry.policy;

/** AddPermission, GetPolicy and RemovePermission shapes, as the Lambda API names their fields. */
final class PolicyApi {

    private PolicyApi() {}

    record AddPermissionRequest(
            String statementId,
            String action,
            String principal,
            String sourceArn,
            String sourceAccount,
            String eventSourceToken,
            String revisionId,
            String principalOrgID,
            String functionUrlAuthType,
            Boolean invokedViaFunctionUrl) {}

    /** The added statement, as a JSON string. */
    record AddPermissionResponse(String statement) {}

    /** The whole policy document, as a JSON string. */
    record GetPolicyResponse(String policy, String revisionId) {}
}
