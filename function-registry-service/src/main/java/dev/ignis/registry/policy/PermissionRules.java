package dev.ignis.registry.policy;

import static dev.ignis.registry.api.LambdaApiException.validation;

import dev.ignis.registry.api.Constraints;
import dev.ignis.registry.policy.PolicyApi.AddPermissionRequest;
import java.util.List;

/** The API model's constraints on AddPermission, in the order AWS checks them and with its wording. */
final class PermissionRules {

    static final String STATEMENT_ID = "([a-zA-Z0-9-_]+)";
    private static final String ACTION = "(lambda:[*]|lambda:[a-zA-Z]+|[*])";
    private static final String PRINCIPAL = "[^\\s]+";
    private static final String SOURCE_ARN =
            "arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)";
    private static final String SOURCE_ACCOUNT = "\\d{12}";
    private static final String ORG_ID = "^o-[a-z0-9]{10,32}$";
    private static final String EVENT_SOURCE_TOKEN = "[a-zA-Z0-9._\\-]+";
    private static final List<String> URL_AUTH_TYPES = List.of("AWS_IAM", "NONE");

    private PermissionRules() {}

    static void check(AddPermissionRequest r) {
        checkStatementId(r.statementId());
        Constraints.requiredString(r.action(), "action", ACTION, 256);
        Constraints.requiredString(r.principal(), "principal", PRINCIPAL, 256);
        Constraints.string(r.sourceArn(), "sourceArn", SOURCE_ARN, 1024);
        Constraints.string(r.sourceAccount(), "sourceAccount", SOURCE_ACCOUNT, 12);
        Constraints.string(r.eventSourceToken(), "eventSourceToken", EVENT_SOURCE_TOKEN, 256);
        Constraints.string(r.principalOrgID(), "principalOrgID", ORG_ID, 34);
        if (r.functionUrlAuthType() != null && !URL_AUTH_TYPES.contains(r.functionUrlAuthType())) {
            throw validation(
                    r.functionUrlAuthType(),
                    "functionUrlAuthType",
                    "Member must satisfy enum value set: " + URL_AUTH_TYPES);
        }
    }

    static void checkStatementId(String statementId) {
        Constraints.requiredString(statementId, "statementId", STATEMENT_ID, 100);
    }
}
