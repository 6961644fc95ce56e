package dev.ignis.contracts.registry;

import java.util.List;

/**
 * A function's resource-based policy (AddPermission statements), structured so the data plane can
 * evaluate it without parsing IAM JSON. Key: the function ARN (unqualified, or qualified by the
 * version or alias the statements were added to) + {@code #policy}; a tombstone means no policy.
 *
 * @param functionArn the ARN the statements are attached to
 * @param qualifier the version or alias, or null for the unqualified function
 * @param statements in the order they were added
 * @param revisionId changes with every added or removed statement
 */
public record PolicySnapshot(String functionArn, String qualifier, List<Statement> statements, String revisionId) {

    public PolicySnapshot {
        statements = statements == null ? List.of() : List.copyOf(statements);
    }

    /**
     * One {@code Allow} statement as AddPermission takes it. Conditions are null when absent.
     *
     * @param principal {@code *}, an account id or ARN, or a service principal such as
     *     {@code s3.amazonaws.com}
     * @param action e.g. {@code lambda:InvokeFunction} or {@code lambda:InvokeFunctionUrl}
     * @param functionUrlAuthType condition {@code lambda:FunctionUrlAuthType}
     * @param invokedViaFunctionUrl condition {@code lambda:InvokedViaFunctionUrl}
     */
    public record Statement(
            String sid,
            String principal,
            String action,
            String resource,
            String sourceArn,
            String sourceAccount,
            String principalOrgId,
            String eventSourceToken,
            String functionUrlAuthType,
            Boolean invokedViaFunctionUrl) {}
}
