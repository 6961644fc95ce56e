package dev.ignis.gateway.url;

import dev.ignis.contracts.registry.PolicySnapshot;
import java.util.Optional;

/**
 * Resource-policy checks for function URLs. AuthType NONE is public only once a statement lets
 * principal {@code *} call {@code lambda:InvokeFunctionUrl} under the condition
 * {@code lambda:FunctionUrlAuthType = NONE} (AddPermission with {@code --function-url-auth-type NONE}); AWS_IAM callers hold this gateway's access keys, which all
 * belong to the owning account, so their signature is their permission.
 */
final class UrlAccess {

    static final String AUTH_NONE = "NONE";
    static final String AUTH_IAM = "AWS_IAM";

    private UrlAccess() {}

    static boolean allowsPublicInvoke(Optional<PolicySnapshot> policy) {
        return policy.map(p -> p.statements().stream().anyMatch(UrlAccess::grantsPublicUrlInvoke))
                .orElse(false);
    }

    private static boolean grantsPublicUrlInvoke(PolicySnapshot.Statement statement) {
        boolean action = "lambda:InvokeFunctionUrl".equals(statement.action()) || "lambda:*".equals(statement.action());
        boolean anyone = "*".equals(statement.principal());
        // AWS requires the condition: a public statement without it does not open a NONE URL.
        boolean authType = AUTH_NONE.equals(statement.functionUrlAuthType());
        return action && anyone && authType;
    }
}
