package dev.ignis.eventsource.schedule;

import dev.ignis.contracts.registry.EventRuleSnapshot;
import dev.ignis.contracts.registry.PolicySnapshot;
import dev.ignis.contracts.registry.RegistryChange;
import dev.ignis.contracts.registry.RegistryRecord;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.contracts.registry.ScheduleSnapshot;
import dev.ignis.contracts.schedule.InvalidScheduleExpressionException;
import dev.ignis.contracts.schedule.RateExpression;
import dev.ignis.contracts.schedule.ScheduleExpression;
import dev.ignis.eventsource.catalog.RegistryRecordListener;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schedule rules, the Scheduler schedules and the functions' resource policies, from the
 * registry view: what the firer fires and whom it may invoke. Written by the view's thread, read by
 * the firer's.
 */
public final class ScheduleCatalog implements RegistryRecordListener {

    private static final Logger log = LoggerFactory.getLogger(ScheduleCatalog.class);
    private static final TypeReference<RegistryChange<EventRuleSnapshot>> RULE_CHANGE = new TypeReference<>() {};
    private static final TypeReference<RegistryChange<PolicySnapshot>> POLICY_CHANGE = new TypeReference<>() {};
    private static final TypeReference<RegistryChange<ScheduleSnapshot>> SCHEDULE_CHANGE = new TypeReference<>() {};
    private static final String LATEST = ":$LATEST";

    private final Duration minuteLength;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, ScheduledRule> rules = new ConcurrentHashMap<>();
    private final Map<String, ScheduledSchedule> schedules = new ConcurrentHashMap<>();
    private final Map<String, PolicySnapshot> policies = new ConcurrentHashMap<>();

    public ScheduleCatalog(Duration minuteLength) {
        this.minuteLength = minuteLength;
    }

    @Override
    public void onRecord(RegistryRecord record) {
        switch (record.type()) {
            case EVENT_RULE -> onRule(record);
            case SCHEDULE -> onSchedule(record);
            case POLICY -> onPolicy(record);
            default -> {
                // other resources do not concern schedules
            }
        }
    }

    @Override
    public void onReset() {
        rules.clear();
        schedules.clear();
        policies.clear();
    }

    /** Every rule and schedule the registry holds, enabled or not. */
    Collection<Scheduled> scheduled() {
        List<Scheduled> all = new ArrayList<>(rules.values());
        all.addAll(schedules.values());
        return all;
    }

    /**
     * The policy attached to exactly the ARN a target names ({@code :$LATEST} is the function's own,
     * as GetPolicy reads it).
     */
    Optional<PolicySnapshot> policy(String functionArn) {
        String arn = functionArn.endsWith(LATEST)
                ? functionArn.substring(0, functionArn.length() - LATEST.length())
                : functionArn;
        return Optional.ofNullable(policies.get(ResourceType.POLICY.keyFor(arn)));
    }

    private void onRule(RegistryRecord record) {
        if (record.isTombstone()) {
            rules.remove(record.key());
            return;
        }
        EventRuleSnapshot rule =
                json.readValue(record.value().get(), RULE_CHANGE).snapshot();
        try {
            rules.put(
                    record.key(),
                    new ScheduledRule(rule, withMinute(ScheduleExpression.parse(rule.scheduleExpression()))));
        } catch (InvalidScheduleExpressionException e) {
            log.warn("Rule {} has an expression the registry should have refused: {}", record.key(), e.expression());
            rules.remove(record.key());
        }
    }

    private void onSchedule(RegistryRecord record) {
        if (record.isTombstone()) {
            schedules.remove(record.key());
            return;
        }
        ScheduleSnapshot schedule =
                json.readValue(record.value().get(), SCHEDULE_CHANGE).snapshot();
        try {
            ScheduleExpression expression =
                    withMinute(ScheduleExpression.parseForScheduler(schedule.scheduleExpression()));
            schedules.put(record.key(), new ScheduledSchedule(schedule, expression, ZoneId.of(schedule.timezone())));
        } catch (InvalidScheduleExpressionException | DateTimeException e) {
            log.warn("Schedule {} has an expression or zone the registry should have refused", record.key());
            schedules.remove(record.key());
        }
    }

    private ScheduleExpression withMinute(ScheduleExpression expression) {
        return expression instanceof RateExpression rate ? rate.withMinute(minuteLength) : expression;
    }

    private void onPolicy(RegistryRecord record) {
        if (record.isTombstone()) {
            policies.remove(record.key());
        } else {
            policies.put(
                    record.key(),
                    json.readValue(record.value().get(), POLICY_CHANGE).snapshot());
        }
    }
}
