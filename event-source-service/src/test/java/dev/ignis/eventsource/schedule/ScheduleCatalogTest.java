package dev.ignis.eventsource.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.fixtures.RegistryChangeSequences;
import dev.ignis.contracts.registry.EventRuleSnapshot;
import dev.ignis.contracts.registry.RegistryRecord;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.contracts.schedule.RateExpression;
import dev.ignis.eventsource.catalog.MappingTargets;
import dev.ignis.eventsource.config.EventSourceProperties;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/** The catalog as the registry view feeds it: rules, schedules and policies in, tombstones out, the view's position. */
class ScheduleCatalogTest {

    final ScheduleCatalog catalog = new ScheduleCatalog(Duration.ofSeconds(1));
    final MappingTargets view = new MappingTargets(
            new EventSourceProperties(
                    "us-east-1", "000000000000", URI.create("http://127.0.0.1:8081"), 6_291_456, null, null, null),
            List.of(),
            List.of(catalog));

    @Test
    void rulesAndPoliciesArriveThroughTheRegistryViewAndTombstonesRemoveThem() {
        EventRuleSnapshot rule = Schedules.rule("nightly", "rate(2 minutes)", Instant.now());
        view.accept(message(Schedules.record(rule), 0, 0));
        view.accept(message(Schedules.record(Schedules.eventsMayInvoke("f", rule.ruleArn())), 0, 1));

        assertThat(catalog.scheduled()).singleElement().satisfies(r -> {
            assertThat(r.arn()).isEqualTo(rule.ruleArn());
            assertThat(((RateExpression) r.expression()).period())
                    .as("a rate's minutes as configured")
                    .isEqualTo(Duration.ofSeconds(2));
        });
        assertThat(catalog.policy(Schedules.FUNCTIONS + "f")).isPresent();
        assertThat(catalog.policy(Schedules.FUNCTIONS + "f:$LATEST"))
                .as("$LATEST is the function's own policy")
                .isPresent();
        assertThat(catalog.policy(Schedules.FUNCTIONS + "f:live")).isEmpty();

        view.accept(message(RegistryRecord.tombstone(rule.ruleArn(), ResourceType.EVENT_RULE, 1_000_000), 0, 2));
        assertThat(catalog.scheduled()).isEmpty();
    }

    @Test
    void schedulesArriveBesideRulesWithTheirZoneAndTombstonesRemoveThem() {
        var schedule = Schedules.schedule("berlin", "cron(30 9 * * ? *)", "Europe/Berlin", Instant.now(), "f", "{}");
        view.accept(message(Schedules.record(Schedules.rule("r", "rate(1 day)", Instant.now())), 0, 0));
        view.accept(message(Schedules.record(schedule), 0, 1));

        assertThat(catalog.scheduled()).hasSize(2);
        assertThat(catalog.scheduled())
                .filteredOn(s -> s instanceof ScheduledSchedule)
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.arn()).isEqualTo(Schedules.SCHEDULES + "berlin");
                    assertThat(((ScheduledSchedule) s).zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
                });

        view.accept(message(RegistryRecord.tombstone(schedule.arn(), ResourceType.SCHEDULE, 1_000_000), 0, 2));
        assertThat(catalog.scheduled()).singleElement().isInstanceOf(ScheduledRule.class);
    }

    @Test
    void theViewHasReachedAnEndOffsetOnceItReadThePartitionUpToIt() {
        view.accept(message(Schedules.record(Schedules.rule("a", "rate(1 day)", Instant.now())), 1, 4));

        assertThat(view.hasReached(Map.of(0, 0L, 1, 5L))).isTrue();
        assertThat(view.hasReached(Map.of(1, 6L))).isFalse();
        assertThat(view.hasReached(Map.of(2, 1L))).isFalse();
    }

    private static Message<Object> message(RegistryRecord record, int partition, long offset) {
        Object payload = record.value().<Object>map(bytes -> bytes).orElse(KafkaNull.INSTANCE);
        Map<String, Object> headers =
                new HashMap<>(RegistryChangeSequences.kafkaHeaders(record, KafkaHeaders.RECEIVED_KEY));
        headers.put(KafkaHeaders.RECEIVED_PARTITION, partition);
        headers.put(KafkaHeaders.OFFSET, offset);
        return MessageBuilder.createMessage(payload, new MessageHeaders(headers));
    }
}
