package dev.ignis.registry.events;

import dev.ignis.contracts.schedule.InvalidScheduleExpressionException;
import dev.ignis.contracts.schedule.ScheduleExpression;
import dev.ignis.registry.events.EventsApi.PutRuleRequest;
import dev.ignis.registry.events.EventsApi.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** EventBridge's constraints on rules and targets, with AWS's messages. Pure: no state, no I/O. */
final class RuleRules {

    static final int MAX_TARGETS = 5;
    private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]+");
    private static final String NAME_PATTERN = "[\\.\\-_A-Za-z0-9]+";
    private static final Set<String> STATES = Set.of("ENABLED", "DISABLED");
    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[a-zA-Z0-9-_]{1,64}(:(\\$LATEST|[a-zA-Z0-9-_]{1,128}))?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RuleRules() {}

    /** A rule or target name: AWS's pattern and length, checked together as AWS reports them. */
    static void checkName(String value, String field) {
        List<String> violations = new ArrayList<>();
        name(value, field, 64, violations);
        if (!violations.isEmpty()) {
            throw EventsApiException.violations(violations);
        }
    }

    static void checkPutRule(PutRuleRequest request) {
        List<String> violations = new ArrayList<>();
        name(request.name(), "name", 64, violations);
        if (request.state() != null && !STATES.contains(request.state())) {
            violations.add(
                    violation(
                            request.state(),
                            "state",
                            "Member must satisfy enum value set: [ENABLED, DISABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS]"));
        }
        if (request.description() != null && request.description().length() > 512) {
            violations.add(violation(
                    request.description(), "description", "Member must have length less than or equal to 512"));
        }
        if (request.scheduleExpression() != null && request.scheduleExpression().length() > 256) {
            violations.add(violation(
                    request.scheduleExpression(),
                    "scheduleExpression",
                    "Member must have length less than or equal to 256"));
        }
        if (!violations.isEmpty()) {
            throw EventsApiException.violations(violations);
        }
        if (request.eventPattern() != null && !request.eventPattern().isNull()) {
            throw EventsApiException.validation("Ignis runs schedule rules only: EventPattern is not supported.");
        }
        if (request.scheduleExpression() == null || request.scheduleExpression().isEmpty()) {
            throw EventsApiException.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        try {
            ScheduleExpression.parse(request.scheduleExpression());
        } catch (InvalidScheduleExpressionException e) {
            throw EventsApiException.validation(e.getMessage());
        }
    }

    /** The model's constraints on every entry ({@code targets.N.member.*}, N from 1), then Ignis's own. */
    static void checkTargets(List<Target> targets) {
        if (targets == null || targets.isEmpty()) {
            throw EventsApiException.violations(
                    List.of(violation(null, "targets", "Member must have length greater than or equal to 1")));
        }
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            String member = "targets." + (i + 1) + ".member.";
            name(target.id(), member + "id", 64, violations);
            if (target.arn() == null) {
                violations.add(violation(null, member + "arn", "Member must not be null"));
            } else if (target.arn().length() > 1600) {
                violations.add(
                        violation(target.arn(), member + "arn", "Member must have length less than or equal to 1600"));
            }
            if (target.input() != null && target.input().length() > 8192) {
                violations.add(violation(
                        target.input(), member + "input", "Member must have length less than or equal to 8192"));
            }
        }
        if (!violations.isEmpty()) {
            throw EventsApiException.violations(violations);
        }
    }

    /** Why Ignis cannot deliver to this target, or null when it can. */
    static String unsupported(Target target) {
        if (!FUNCTION_ARN.matcher(target.arn()).matches()) {
            return "Ignis delivers rule targets to Lambda functions only.";
        }
        if (target.inputPath() != null
                || (target.inputTransformer() != null
                        && !target.inputTransformer().isNull())) {
            return "Ignis does not support InputPath or InputTransformer; use Input.";
        }
        if (target.input() != null && !isJson(target.input())) {
            return "Input is not valid JSON text.";
        }
        return null;
    }

    private static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }

    private static void name(String value, String field, int maxLength, List<String> violations) {
        if (value == null) {
            violations.add(violation(null, field, "Member must not be null"));
            return;
        }
        if (!NAME.matcher(value).matches()) {
            violations.add(violation(value, field, "Member must satisfy regular expression pattern: " + NAME_PATTERN));
        }
        if (value.length() > maxLength) {
            violations.add(violation(value, field, "Member must have length less than or equal to " + maxLength));
        }
    }

    private static String violation(Object value, String field, String constraint) {
        return "Value " + (value == null ? "null" : "'" + value + "'") + " at '" + field
                + "' failed to satisfy constraint: " + constraint;
    }
}
