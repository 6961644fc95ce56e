package dev.ignis.registry.events;

import dev.ignis.contracts.arn.LambdaArns;
import dev.ignis.contracts.registry.EventRuleSnapshot;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.registry.config.RegistryProperties;
import dev.ignis.registry.events.EventsApi.FailedEntry;
import dev.ignis.registry.events.EventsApi.PutRuleRequest;
import dev.ignis.registry.events.EventsApi.Target;
import dev.ignis.registry.outbox.ChangeLog;
import dev.ignis.registry.outbox.WireJson;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schedule rules on the default event bus and their targets. Every change records an
 * {@link ResourceType#EVENT_RULE} change with the whole rule, targets included, in the same
 * transaction; DeleteRule records its tombstone. event-source-service fires from those.
 */
@Service
class RuleService {

    private static final TypeReference<List<EventRuleSnapshot.Target>> TARGETS = new TypeReference<>() {};

    private final RuleRepository rules;
    private final ChangeLog changes;
    private final JsonMapper json;
    private final Clock clock;
    private final String region;
    private final String accountId;

    RuleService(
            RuleRepository rules, ChangeLog changes, WireJson wireJson, Clock clock, RegistryProperties properties) {
        this.rules = rules;
        this.changes = changes;
        this.json = wireJson.mapper();
        this.clock = clock;
        this.region = properties.region();
        this.accountId = properties.accountId();
    }

    /**
     * PutRule: creates the rule or replaces every setting of an existing one (what the call omits is
     * reset, as AWS does), keeping its targets. A changed expression restarts the schedule; enabling
     * a disabled rule makes it fire from now on.
     */
    @Transactional
    String put(PutRuleRequest request) {
        checkBus(request.eventBusName());
        RuleRules.checkPutRule(request);
        Instant now = now();
        RuleEntity rule = rules.findById(request.name()).orElse(null);
        String state = request.state() == null ? EventRuleSnapshot.ENABLED : request.state();
        if (rule == null) {
            rule = new RuleEntity();
            rule.name = request.name();
            rule.targets = "[]";
            rule.scheduledSince = now;
            rule.activeSince = now;
        } else {
            if (!rule.scheduleExpression.equals(request.scheduleExpression())) {
                rule.scheduledSince = now;
                rule.activeSince = now;
            } else if (!rule.state.equals(state) && state.equals(EventRuleSnapshot.ENABLED)) {
                rule.activeSince = now;
            }
        }
        rule.scheduleExpression = request.scheduleExpression();
        rule.state = state;
        rule.description = request.description();
        rule.roleArn = request.roleArn();
        save(rule, now);
        return arn(rule.name);
    }

    @Transactional(readOnly = true)
    EventRuleSnapshot describe(String name, String bus) {
        checkBus(bus);
        return snapshot(find(name));
    }

    /** DeleteRule: a missing rule is no error; one with targets needs {@code Force}. */
    @Transactional
    void delete(String name, String bus, boolean force) {
        checkBus(bus);
        RuleRules.checkName(name, "name");
        rules.findById(name).ifPresent(rule -> {
            if (!force && !targets(rule).isEmpty()) {
                throw EventsApiException.validation("Rule can't be deleted since it has targets.");
            }
            rules.delete(rule);
            changes.deleted(ResourceType.EVENT_RULE, arn(name));
        });
    }

    /** EnableRule / DisableRule. */
    @Transactional
    void setState(String name, String bus, String state) {
        checkBus(bus);
        RuleEntity rule = find(name);
        if (rule.state.equals(state)) {
            return;
        }
        Instant now = now();
        if (state.equals(EventRuleSnapshot.ENABLED)) {
            rule.activeSince = now;
        }
        rule.state = state;
        save(rule, now);
    }

    @Transactional(readOnly = true)
    List<EventRuleSnapshot> list(String prefix, String bus) {
        checkBus(bus);
        return rules.findByNameStartingWithOrderByNameAsc(prefix == null ? "" : prefix).stream()
                .map(this::snapshot)
                .toList();
    }

    /**
     * PutTargets: adds the entries, replacing any with the same Id. An entry Ignis cannot deliver to
     * (not a Lambda function, InputPath, InputTransformer, Input that is not JSON) fails alone, as a
     * FailedEntry; more than five targets in all refuses the call.
     */
    @Transactional
    List<FailedEntry> putTargets(String name, String bus, List<Target> entries) {
        checkBus(bus);
        RuleRules.checkTargets(entries);
        RuleEntity rule = find(name);
        Map<String, EventRuleSnapshot.Target> byId = new LinkedHashMap<>();
        targets(rule).forEach(t -> byId.put(t.id(), t));
        List<FailedEntry> failed = new ArrayList<>();
        for (Target entry : entries) {
            String problem = RuleRules.unsupported(entry);
            if (problem != null) {
                failed.add(new FailedEntry(entry.id(), "ValidationException", problem));
            } else {
                byId.put(entry.id(), new EventRuleSnapshot.Target(entry.id(), entry.arn(), entry.input()));
            }
        }
        if (byId.size() > RuleRules.MAX_TARGETS) {
            throw EventsApiException.limitExceeded();
        }
        saveTargets(rule, List.copyOf(byId.values()));
        return failed;
    }

    /** RemoveTargets: Ids the rule does not have are no error. */
    @Transactional
    void removeTargets(String name, String bus, List<String> ids) {
        checkBus(bus);
        RuleEntity rule = find(name);
        List<EventRuleSnapshot.Target> kept = targets(rule).stream()
                .filter(t -> ids == null || !ids.contains(t.id()))
                .toList();
        saveTargets(rule, kept);
    }

    @Transactional(readOnly = true)
    List<EventRuleSnapshot.Target> listTargets(String name, String bus) {
        checkBus(bus);
        return targets(find(name));
    }

    private void saveTargets(RuleEntity rule, List<EventRuleSnapshot.Target> targets) {
        String written = json.writeValueAsString(targets);
        if (written.equals(rule.targets)) {
            return;
        }
        rule.targets = written;
        save(rule, now());
    }

    private void save(RuleEntity rule, Instant now) {
        rule.lastModified = now;
        rules.save(rule);
        changes.changed(ResourceType.EVENT_RULE, arn(rule.name), null, snapshot(rule));
    }

    /** Milliseconds, as the database keeps them, so a snapshot reads the same before and after a reload. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private RuleEntity find(String name) {
        RuleRules.checkName(name, "name");
        return rules.findById(name).orElseThrow(() -> EventsApiException.ruleNotFound(name));
    }

    private List<EventRuleSnapshot.Target> targets(RuleEntity rule) {
        return json.readValue(rule.targets, TARGETS);
    }

    EventRuleSnapshot snapshot(RuleEntity rule) {
        return new EventRuleSnapshot(
                rule.name,
                arn(rule.name),
                EventsApiException.DEFAULT_BUS,
                rule.scheduleExpression,
                rule.state,
                rule.description,
                targets(rule),
                rule.scheduledSince,
                rule.activeSince,
                rule.lastModified);
    }

    String accountId() {
        return accountId;
    }

    private String arn(String name) {
        return LambdaArns.eventRule(region, accountId, name);
    }

    /** Ignis has the default event bus only, named or given by its ARN. */
    private void checkBus(String bus) {
        if (bus == null
                || bus.equals(EventsApiException.DEFAULT_BUS)
                || Objects.equals(
                        bus,
                        "arn:aws:events:" + region + ":" + accountId + ":event-bus/"
                                + EventsApiException.DEFAULT_BUS)) {
            return;
        }
        throw EventsApiException.busNotFound(bus);
    }
}
