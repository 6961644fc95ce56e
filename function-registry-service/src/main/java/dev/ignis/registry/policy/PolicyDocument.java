package dev.ignis.registry.policy;

import dev.ignis.contracts.registry.PolicySnapshot.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders statements as the IAM JSON AWS returns from AddPermission and GetPolicy: members in
 * AWS's order, the principal as {@code "*"}, {@code {"Service": …}} or {@code {"AWS": …}} (an
 * account id becomes its root ARN), and each condition under its IAM operator.
 */
final class PolicyDocument {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PolicyDocument() {}

    static String policy(List<Statement> statements) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Id", "default");
        document.put(
                "Statement", statements.stream().map(PolicyDocument::members).toList());
        return JSON.writeValueAsString(document);
    }

    static String statement(Statement statement) {
        return JSON.writeValueAsString(members(statement));
    }

    private static Map<String, Object> members(Statement s) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("Sid", s.sid());
        members.put("Effect", "Allow");
        members.put("Principal", principal(s.principal()));
        members.put("Action", s.action());
        members.put("Resource", s.resource());
        Map<String, Map<String, String>> condition = condition(s);
        if (!condition.isEmpty()) {
            members.put("Condition", condition);
        }
        return members;
    }

    static Object principal(String principal) {
        if (principal.equals("*")) {
            return "*";
        }
        if (ACCOUNT_ID.matcher(principal).matches()) {
            return Map.of("AWS", "arn:aws:iam::" + principal + ":root");
        }
        if (principal.startsWith("arn:")) {
            return Map.of("AWS", principal);
        }
        return Map.of("Service", principal);
    }

    private static Map<String, Map<String, String>> condition(Statement s) {
        Map<String, String> stringEquals = new LinkedHashMap<>();
        putIfPresent(stringEquals, "AWS:SourceAccount", s.sourceAccount());
        putIfPresent(stringEquals, "aws:PrincipalOrgID", s.principalOrgId());
        putIfPresent(stringEquals, "lambda:EventSourceToken", s.eventSourceToken());
        putIfPresent(stringEquals, "lambda:FunctionUrlAuthType", s.functionUrlAuthType());
        Map<String, Map<String, String>> condition = new LinkedHashMap<>();
        if (!stringEquals.isEmpty()) {
            condition.put("StringEquals", stringEquals);
        }
        if (s.sourceArn() != null) {
            condition.put("ArnLike", Map.of("AWS:SourceArn", s.sourceArn()));
        }
        if (s.invokedViaFunctionUrl() != null) {
            condition.put(
                    "Bool",
                    Map.of(
                            "lambda:InvokedViaFunctionUrl",
                            s.invokedViaFunctionUrl().toString()));
        }
        return condition;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
