package dev.ignis.registry.events;

import dev.ignis.contracts.registry.EventRuleSnapshot;
import dev.ignis.registry.api.TokenPages;
import dev.ignis.registry.events.EventsApi.DescribeRuleResponse;
import dev.ignis.registry.events.EventsApi.FailedEntry;
import dev.ignis.registry.events.EventsApi.ListRulesRequest;
import dev.ignis.registry.events.EventsApi.ListRulesResponse;
import dev.ignis.registry.events.EventsApi.ListTargetsByRuleRequest;
import dev.ignis.registry.events.EventsApi.ListTargetsByRuleResponse;
import dev.ignis.registry.events.EventsApi.PutRuleRequest;
import dev.ignis.registry.events.EventsApi.PutRuleResponse;
import dev.ignis.registry.events.EventsApi.PutTargetsRequest;
import dev.ignis.registry.events.EventsApi.RemoveTargetsRequest;
import dev.ignis.registry.events.EventsApi.Rule;
import dev.ignis.registry.events.EventsApi.RuleRequest;
import dev.ignis.registry.events.EventsApi.Target;
import dev.ignis.registry.events.EventsApi.TargetsResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The EventBridge API subset for schedule rules: JSON 1.1, {@code POST /} with
 * {@code X-Amz-Target: AWSEvents.<Operation>}, as the AWS CLI and SDKs send it (the gateway routes
 * such requests here). Thin: each operation reads its request, calls {@link RuleService} and writes
 * AWS's answer.
 */
@RestController
@Tag(name = "EventBridge rules")
class EventsController {

    private static final TokenPages.Refusals REFUSALS =
            new TokenPages.Refusals(v -> EventsApiException.violations(List.of(v)), EventsApiException::validation);

    static final MediaType AMZ_JSON = MediaType.parseMediaType("application/x-amz-json-1.1");
    static final String TARGET_PREFIX = "AWSEvents.";

    private final RuleService rules;
    private final EventsJson json;
    private final Map<String, Function<byte[], Object>> operations;

    EventsController(RuleService rules, EventsJson json) {
        this.rules = rules;
        this.json = json;
        this.operations = Map.of(
                "PutRule", this::putRule,
                "DescribeRule", this::describeRule,
                "DeleteRule", this::deleteRule,
                "EnableRule", body -> setState(body, EventRuleSnapshot.ENABLED),
                "DisableRule", body -> setState(body, EventRuleSnapshot.DISABLED),
                "ListRules", this::listRules,
                "PutTargets", this::putTargets,
                "RemoveTargets", this::removeTargets,
                "ListTargetsByRule", this::listTargets);
    }

    @Operation(
            summary = "EventBridge: PutRule, DescribeRule, DeleteRule, EnableRule, DisableRule, ListRules, PutTargets,"
                    + " RemoveTargets, ListTargetsByRule (X-Amz-Target: AWSEvents.<Operation>)")
    @PostMapping(path = "/", headers = "X-Amz-Target")
    ResponseEntity<byte[]> call(
            @RequestHeader("X-Amz-Target") String target, @RequestBody(required = false) byte[] body) {
        Function<byte[], Object> operation =
                target.startsWith(TARGET_PREFIX) ? operations.get(target.substring(TARGET_PREFIX.length())) : null;
        if (operation == null) {
            throw EventsApiException.unknownOperation();
        }
        Object answer = operation.apply(body == null ? new byte[0] : body);
        return ResponseEntity.ok().contentType(AMZ_JSON).body(json.write(answer == null ? Map.of() : answer));
    }

    private Object putRule(byte[] body) {
        return new PutRuleResponse(rules.put(json.read(body, PutRuleRequest.class)));
    }

    private Object describeRule(byte[] body) {
        RuleRequest request = json.read(body, RuleRequest.class);
        EventRuleSnapshot rule = rules.describe(request.name(), request.eventBusName());
        return new DescribeRuleResponse(
                rule.name(),
                rule.ruleArn(),
                rule.scheduleExpression(),
                rule.state(),
                rule.description(),
                rule.eventBusName(),
                rules.accountId());
    }

    private Object deleteRule(byte[] body) {
        RuleRequest request = json.read(body, RuleRequest.class);
        rules.delete(request.name(), request.eventBusName(), Boolean.TRUE.equals(request.force()));
        return null;
    }

    private Object setState(byte[] body, String state) {
        RuleRequest request = json.read(body, RuleRequest.class);
        rules.setState(request.name(), request.eventBusName(), state);
        return null;
    }

    private Object listRules(byte[] body) {
        ListRulesRequest request = json.read(body, ListRulesRequest.class);
        TokenPages.Page<EventRuleSnapshot> page =
                page(rules.list(request.namePrefix(), request.eventBusName()), request.nextToken(), request.limit());
        return new ListRulesResponse(
                page.items().stream()
                        .map(r -> new Rule(
                                r.name(),
                                r.ruleArn(),
                                r.state(),
                                r.description(),
                                r.scheduleExpression(),
                                r.eventBusName()))
                        .toList(),
                page.nextToken());
    }

    private Object putTargets(byte[] body) {
        PutTargetsRequest request = json.read(body, PutTargetsRequest.class);
        RuleRules.checkName(request.rule(), "rule");
        List<FailedEntry> failed = rules.putTargets(request.rule(), request.eventBusName(), request.targets());
        return new TargetsResponse(failed.size(), failed);
    }

    private Object removeTargets(byte[] body) {
        RemoveTargetsRequest request = json.read(body, RemoveTargetsRequest.class);
        RuleRules.checkName(request.rule(), "rule");
        rules.removeTargets(request.rule(), request.eventBusName(), request.ids());
        return new TargetsResponse(0, List.of());
    }

    private Object listTargets(byte[] body) {
        ListTargetsByRuleRequest request = json.read(body, ListTargetsByRuleRequest.class);
        RuleRules.checkName(request.rule(), "rule");
        TokenPages.Page<EventRuleSnapshot.Target> page =
                page(rules.listTargets(request.rule(), request.eventBusName()), request.nextToken(), request.limit());
        return new ListTargetsByRuleResponse(
                page.items().stream()
                        .map(t -> new Target(t.id(), t.arn(), t.input(), null, null))
                        .toList(),
                page.nextToken());
    }

    private static <T> TokenPages.Page<T> page(List<T> all, String nextToken, Integer limit) {
        return TokenPages.of(all, nextToken, limit, "limit", "The nextToken provided is invalid.", REFUSALS);
    }
}
