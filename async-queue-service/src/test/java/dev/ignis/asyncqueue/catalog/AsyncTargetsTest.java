package dev.ignis.asyncqueue.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.asyncqueue.support.Fixtures;
import dev.ignis.asyncqueue.support.RegistryChanges;
import dev.ignis.asyncqueue.worker.AsyncPolicy;
import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.fixtures.RegistryChangeSequences;
import dev.ignis.contracts.fixtures.RegistryChangeSequences.Scenario;
import dev.ignis.contracts.registry.RegistryRecord;
import dev.ignis.contracts.registry.ResourceType;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

class AsyncTargetsTest {

    static final String ARN = RegistryChangeSequences.functionArn("fn");

    final AsyncTargets targets = new AsyncTargets(Fixtures.properties());

    static Stream<Scenario> sharedSequences() {
        return Stream.concat(
                RegistryChangeSequences.functions("fn").stream(), RegistryChangeSequences.versions("fn", "3").stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedSequences")
    void acceptsATargetExactlyWhenTheSharedSequenceLeavesItExisting(Scenario scenario) {
        scenario.records().forEach(record -> targets.accept(message(record)));

        assertThat(targets.accepts(FunctionRef.parse(scenario.key())))
                .isEqualTo(scenario.expectedMarker().isPresent());
    }

    @Test
    void acceptsFunctionsVersionsAndAliasesButNotTheirSubResources() {
        targets.accept(message(RegistryRecord.change(ARN + ":live", ResourceType.ALIAS, 2, "{}".getBytes())));
        targets.accept(
                message(RegistryRecord.change(ARN + "#url", ResourceType.FUNCTION_URL_CONFIG, 3, "{}".getBytes())));

        assertThat(targets.accepts(FunctionRef.parse("fn:live"))).isTrue();
        assertThat(targets.accepts(FunctionRef.parse("fn"))).isFalse();
        assertThat(targets.accepts(FunctionRef.parse("fn:2"))).isFalse();
        assertThat(targets.hasReached(Map.of())).isTrue();
        assertThat(targets.health().getStatus()).isEqualTo(Status.UP);
        assertThat(targets.health().getDetails())
                .containsEntry("changesSeen", 2L)
                .containsEntry("lastSequence", 3L)
                .containsEntry("lastKey", ARN + "#url");
    }

    @Test
    void acceptsLatestUnderEitherName() {
        targets.accept(message(RegistryRecord.change(
                ARN, ResourceType.FUNCTION, 1, RegistryChangeSequences.functionChange(ARN, "$LATEST", 1, "r1"))));

        assertThat(targets.accepts(FunctionRef.parse("fn"))).isTrue();
        assertThat(targets.accepts(FunctionRef.parse("fn:$LATEST"))).isTrue();
    }

    @Test
    void isOutOfService_untilItHasReadWhatTheTopicHeldAtStartUp() {
        Map<Integer, Long> end = Map.of(0, 2L, 1, 0L);
        targets.accept(at(0, 0, RegistryRecord.change(ARN + ":a", ResourceType.ALIAS, 1, "{}".getBytes())));

        assertThat(targets.hasReached(end)).isFalse();
        assertThat(targets.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        targets.accept(at(0, 1, RegistryRecord.change(ARN + ":b", ResourceType.ALIAS, 2, "{}".getBytes())));

        assertThat(targets.hasReached(end)).isTrue();
        assertThat(targets.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void policy_readsTheEventInvokeConfigReservationAndDeadLetterQueue_andForgetsThemOnTombstones() {
        String dlq = "arn:aws:sqs:us-east-1:000000000000:dlq";
        String configKey = ARN + "#event-invoke-config";
        String concurrencyKey = ARN + "#concurrency";
        targets.accept(
                message(RegistryRecord.change(ARN, ResourceType.FUNCTION, 1, RegistryChanges.function(ARN, dlq))));
        targets.accept(message(RegistryRecord.change(
                configKey,
                ResourceType.EVENT_INVOKE_CONFIG,
                2,
                RegistryChanges.eventInvokeConfig(ARN, 1, 120, "arn:aws:sqs:us-east-1:000000000000:ok", null))));
        targets.accept(message(RegistryRecord.change(
                concurrencyKey, ResourceType.CONCURRENCY, 3, RegistryChanges.concurrency(ARN, 0))));

        assertThat(targets.policyFor(ARN + ":$LATEST"))
                .isEqualTo(new AsyncPolicy(
                        1, Duration.ofSeconds(120), "arn:aws:sqs:us-east-1:000000000000:ok", null, dlq, true));
        assertThat(targets.policyFor(ARN + ":live").maximumRetryAttempts())
                .as("an alias has its own event invoke config")
                .isEqualTo(AsyncPolicy.DEFAULT_RETRY_ATTEMPTS);

        targets.accept(message(RegistryRecord.tombstone(configKey, ResourceType.EVENT_INVOKE_CONFIG, 4)));
        targets.accept(message(RegistryRecord.tombstone(concurrencyKey, ResourceType.CONCURRENCY, 5)));
        targets.accept(
                message(RegistryRecord.change(ARN, ResourceType.FUNCTION, 6, RegistryChanges.function(ARN, null))));

        assertThat(targets.policyFor(ARN)).isEqualTo(AsyncPolicy.defaults());
    }

    static Message<Object> message(RegistryRecord record) {
        Object payload = record.value().<Object>map(bytes -> bytes).orElse(KafkaNull.INSTANCE);
        return MessageBuilder.createMessage(
                payload, new MessageHeaders(RegistryChangeSequences.kafkaHeaders(record, KafkaHeaders.RECEIVED_KEY)));
    }

    private static Message<Object> at(int partition, long offset, RegistryRecord record) {
        return MessageBuilder.fromMessage(message(record))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, partition)
                .setHeader(KafkaHeaders.OFFSET, offset)
                .build();
    }
}
