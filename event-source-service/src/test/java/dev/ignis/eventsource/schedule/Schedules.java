package dev.ignis.eventsource.schedule;

import dev.ignis.contracts.registry.EventRuleSnapshot;
import dev.ignis.contracts.registry.PolicySnapshot;
import dev.ignis.contracts.registry.RegistryChange;
import dev.ignis.contracts.registry.RegistryRecord;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.contracts.registry.ScheduleSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/** Rules, policies and settings as the tests feed them, through the registry records the view applies. */
final class Schedules {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "000000000000";
    static final String FUNCTIONS = "arn:aws:lambda:us-east-1:000000000000:function:";
    static final String RULES = "arn:aws:events:us-east-1:000000000000:rule/";
    static final String SCHEDULES = "arn:aws:scheduler:us-east-1:000000000000:schedule/default/";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Schedules() {}

    static EventRuleSnapshot rule(String name, String expression, Instant since, EventRuleSnapshot.Target... targets) {
        return new EventRuleSnapshot(
                name,
                RULES + name,
                "default",
                expression,
                EventRuleSnapshot.ENABLED,
                null,
                List.of(targets),
                since,
                since,
                since);
    }

    static EventRuleSnapshot.Target target(String id, String function, String input) {
        return new EventRuleSnapshot.Target(id, FUNCTIONS + function, input);
    }

    /** What {@code aws lambda add-permission --principal events.amazonaws.com --source-arn <rule>} leaves. */
    static PolicySnapshot eventsMayInvoke(String function, String ruleArn) {
        return new PolicySnapshot(
                FUNCTIONS + function,
                null,
                List.of(new PolicySnapshot.Statement(
                        "events",
                        "events.amazonaws.com",
                        "lambda:InvokeFunction",
                        FUNCTIONS + function,
                        ruleArn,
                        null,
                        null,
                        null,
                        null,
                        null)),
                "r1");
    }

    static RegistryRecord record(EventRuleSnapshot rule) {
        return change(ResourceType.EVENT_RULE, rule.ruleArn(), rule);
    }

    /** An enabled Scheduler schedule in the default group, created at {@code since}, window OFF, action NONE. */
    static ScheduleSnapshot schedule(
            String name, String expression, String timezone, Instant since, String function, String input) {
        return new ScheduleSnapshot(
                name,
                "default",
                SCHEDULES + name,
                expression,
                timezone,
                null,
                null,
                ScheduleSnapshot.ENABLED,
                null,
                new ScheduleSnapshot.FlexibleTimeWindow("OFF", null),
                new ScheduleSnapshot.Target(
                        FUNCTIONS + function, "arn:aws:iam::000000000000:role/x", input, null, null),
                "NONE",
                since,
                since,
                since,
                since);
    }

    static RegistryRecord record(ScheduleSnapshot schedule) {
        return change(ResourceType.SCHEDULE, schedule.arn(), schedule);
    }

    static RegistryRecord record(PolicySnapshot policy) {
        return change(ResourceType.POLICY, policy.functionArn(), policy);
    }

    private static RegistryRecord change(ResourceType type, String arn, Object snapshot) {
        long sequence = SEQUENCE.incrementAndGet();
        byte[] value = JSON.writeValueAsBytes(new RegistryChange<>(sequence, type, arn, null, Instant.now(), snapshot));
        return RegistryRecord.change(type.keyFor(arn), type, sequence, value);
    }

    /** A rate's minute lasts a second here; nothing missed in the tests is older than the grace window. */
    static ScheduleProperties settings(String firedTopic, String asyncTopic, String prefix) {
        return new ScheduleProperties(
                true,
                firedTopic,
                asyncTopic,
                "ignis.registry.changes",
                prefix + "-group",
                prefix + "-tx",
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                Duration.ofMinutes(2),
                true);
    }
}
