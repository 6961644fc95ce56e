package dev.ignis.eventsource.schedule;

import dev.ignis.contracts.registry.EventRuleSnapshot;
import dev.ignis.contracts.schedule.ScheduleExpression;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A rule as the registry published it, with its expression read once: fires in UTC, sends each
 * target the Scheduled Event (or its Input), and only to functions whose policy allows it.
 */
record ScheduledRule(EventRuleSnapshot rule, ScheduleExpression expression) implements Scheduled {

    @Override
    public String arn() {
        return rule.ruleArn();
    }

    @Override
    public String name() {
        return rule.name();
    }

    @Override
    public boolean enabled() {
        return EventRuleSnapshot.ENABLED.equals(rule.state());
    }

    @Override
    public Instant activeSince() {
        return rule.activeSince();
    }

    @Override
    public Optional<Instant> nextAfter(Instant after) {
        return expression.nextAfter(after, rule.scheduledSince());
    }

    @Override
    public List<Delivery> deliveries(Fire fire) {
        String event = ScheduledEvent.json(fire.eventId(), fire.accountId(), fire.region(), arn(), fire.time());
        return rule.targets().stream()
                .map(t -> new Delivery(t.arn(), t.input() != null ? t.input() : event, arn()))
                .toList();
    }

    @Override
    public boolean deletesAfterCompletion() {
        return false;
    }
}
