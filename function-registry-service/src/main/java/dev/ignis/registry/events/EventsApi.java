package dev.ignis.registry.events;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The EventBridge operations' requests and answers (JSON 1.1, PascalCase on the wire through
 * {@link EventsJson}); only the members Ignis reads or writes. Unknown members are ignored.
 */
final class EventsApi {

    private EventsApi() {}

    record PutRuleRequest(
            String name,
            String scheduleExpression,
            JsonNode eventPattern,
            String state,
            String description,
            String roleArn,
            String eventBusName) {}

    record PutRuleResponse(String ruleArn) {}

    /** DeleteRule, DescribeRule, EnableRule and DisableRule. */
    record RuleRequest(String name, String eventBusName, Boolean force) {}

    record DescribeRuleResponse(
            String name,
            String arn,
            String scheduleExpression,
            String state,
            String description,
            String eventBusName,
            String createdBy) {}

    record ListRulesRequest(String namePrefix, String eventBusName, String nextToken, Integer limit) {}

    record Rule(
            String name,
            String arn,
            String state,
            String description,
            String scheduleExpression,
            String eventBusName) {}

    record ListRulesResponse(List<Rule> rules, String nextToken) {}

    /**
     * A PutTargets entry. {@code InputPath} and {@code InputTransformer} are read only to refuse
     * them; {@code RetryPolicy}, {@code DeadLetterConfig} and the rest are ignored.
     */
    record Target(String id, String arn, String input, String inputPath, JsonNode inputTransformer) {}

    record PutTargetsRequest(String rule, String eventBusName, List<Target> targets) {}

    record RemoveTargetsRequest(String rule, String eventBusName, List<String> ids, Boolean force) {}

    record FailedEntry(String targetId, String errorCode, String errorMessage) {}

    /** PutTargets and RemoveTargets. */
    record TargetsResponse(int failedEntryCount, List<FailedEntry> failedEntries) {}

    record ListTargetsByRuleRequest(String rule, String eventBusName, String nextToken, Integer limit) {}

    record ListTargetsByRuleResponse(List<Target> targets, String nextToken) {}
}
