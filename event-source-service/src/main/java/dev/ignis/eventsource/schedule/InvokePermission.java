package dev.ignis.eventsource.schedule;

import dev.ignis.contracts.registry.PolicySnapshot;
import dev.ignis.contracts.registry.PolicySnapshot.Statement;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a function's resource policy lets EventBridge invoke it for a rule: AWS's rule for
 * {@code aws lambda add-permission --principal events.amazonaws.com --source-arn <rule arn>}. Pure.
 */
final class InvokePermission {

    static final String EVENTS_PRINCIPAL = "events.amazonaws.com";
    private static final Set<String> PRINCIPALS = Set.of(EVENTS_PRINCIPAL, "*");
    private static final Set<String> ACTIONS = Set.of("lambda:InvokeFunction", "lambda:*", "*");

    private InvokePermission() {}

    static boolean allows(PolicySnapshot policy, String ruleArn, String accountId) {
        return policy != null && policy.statements().stream().anyMatch(s -> allows(s, ruleArn, accountId));
    }

    private static boolean allows(Statement statement, String ruleArn, String accountId) {
        return PRINCIPALS.contains(statement.principal())
                && ACTIONS.contains(statement.action())
                && statement.functionUrlAuthType() == null
                && !Boolean.TRUE.equals(statement.invokedViaFunctionUrl())
                && (statement.sourceArn() == null || arnLike(statement.sourceArn(), ruleArn))
                && (statement.sourceAccount() == null
                        || statement.sourceAccount().equals(accountId));
    }

    /** IAM's {@code ArnLike}: {@code *} matches any run of characters, {@code ?} any one. */
    static boolean arnLike(String pattern, String arn) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(regex.toString(), arn);
    }
}
