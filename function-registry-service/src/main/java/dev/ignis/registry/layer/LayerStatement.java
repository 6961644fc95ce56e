package dev.ignis.registry.layer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One AddLayerVersionPermission statement, and its rendering as the IAM JSON AWS returns: the
 * principal {@code "*"} or {@code {"AWS": <account root ARN>}}, an organization as an
 * {@code aws:PrincipalOrgID} condition.
 */
record LayerStatement(String sid, String action, String principal, String organizationId) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static String policy(List<LayerStatement> statements, String layerVersionArn) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Id", "default");
        document.put(
                "Statement",
                statements.stream().map(s -> s.members(layerVersionArn)).toList());
        return JSON.writeValueAsString(document);
    }

    String render(String layerVersionArn) {
        return JSON.writeValueAsString(members(layerVersionArn));
    }

    private Map<String, Object> members(String layerVersionArn) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("Sid", sid);
        members.put("Effect", "Allow");
        members.put("Principal", renderedPrincipal());
        members.put("Action", action);
        members.put("Resource", layerVersionArn);
        if (organizationId != null) {
            members.put("Condition", Map.of("StringEquals", Map.of("aws:PrincipalOrgID", organizationId)));
        }
        return members;
    }

    private Object renderedPrincipal() {
        if (principal.equals("*")) {
            return "*";
        }
        return Map.of("AWS", principal.startsWith("arn:") ? principal : "arn:aws:iam::" + principal + ":root");
    }
}
