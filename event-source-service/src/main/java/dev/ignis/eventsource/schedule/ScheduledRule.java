package dev.ignis.eventsource.schedule;

import dev.ignis.contracts.registry.EventRuleSnapshot;
import dev.ignis.contracts.schedule.ScheduleExpression;

/** A rule as the registry published it, with its expression read once. */
record ScheduledRule(EventRuleSnapshot rule, ScheduleExpression expression) {

    String arn() {
        return rule.ruleArn();
    }

    boolean enabled() {
        return EventRuleSnapshot.ENABLED.equals(rule.state());
    }
}
