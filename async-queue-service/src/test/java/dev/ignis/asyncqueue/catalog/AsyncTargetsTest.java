package dev.ignis.asyncqueue.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.asyncqueue.support.Fixtures;
import dev.ignis.asyncqueue.support.RegistryChanges;
import dev.ignis.asyncqueue.worker.AsyncPolicy;
import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.registry.ResourceType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class AsyncTargetsTest {

    static final String ARN = Fixtures.ARN;

    final AsyncTargets targets = new AsyncTargets(Fixtures.properties());

    @Test
    void acceptsFunctionsVersionsAndAliasesOnlyWhileTheyExist() {
        targets.accept(RegistryChanges.message(1, ResourceType.FUNCTION, ARN, RegistryChanges.function(ARN, null)));
        targets.accept(RegistryChanges.message(2, ResourceType.ALIAS, ARN + ":live", "{}"));
        targets.accept(RegistryChanges.message(3, ResourceType.FUNCTION_URL_CONFIG, ARN + "#url", "{}"));

        assertThat(targets.accepts(FunctionRef.parse("fn"))).isTrue();
        assertThat(targets.accepts(FunctionRef.parse("fn:$LATEST"))).isTrue();
        assertThat(targets.accepts(FunctionRef.parse("fn:live"))).isTrue();
        assertThat(targets.accepts(FunctionRef.parse("fn:2"))).isFalse();

        targets.accept(RegistryChanges.message(4, ResourceType.FUNCTION, ARN, KafkaNull.INSTANCE));
        assertThat(targets.accepts(FunctionRef.parse("fn"))).isFalse();
        assertThat(targets.hasReached(Map.of())).isTrue();
        assertThat(targets.health().getStatus()).isEqualTo(Status.UP);
        assertThat(targets.health().getDetails())
                .containsEntry("changesApplied", 4L)
                .containsEntry("lastSequence", 4L)
                .containsEntry("lastKey", ARN)
                .containsEntry("resources", 1);
    }

    @Test
    void isOutOfService_untilItHasReadWhatTheTopicHeldAtStartUp() {
        Map<Integer, Long> end = Map.of(0, 2L, 1, 0L);
        targets.accept(
                at(0, 0, RegistryChanges.message(1, ResourceType.FUNCTION, ARN, RegistryChanges.function(ARN, null))));

        assertThat(targets.hasReached(end)).isFalse();
        assertThat(targets.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        targets.accept(at(0, 1, RegistryChanges.message(2, ResourceType.ALIAS, ARN + ":live", "{}")));

        assertThat(targets.hasReached(end)).isTrue();
        assertThat(targets.health().getStatus()).isEqualTo(Status.UP);
    }

    private static Message<Object> at(int partition, long offset, Message<Object> message) {
        return MessageBuilder.fromMessage(message)
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, partition)
                .setHeader(KafkaHeaders.OFFSET, offset)
                .build();
    }

    @Test
    void policy_readsTheEventInvokeConfigReservationAndDeadLetterQueue_andForgetsThemOnTombstones() {
        String dlq = "arn:aws:sqs:us-east-1:000000000000:dlq";
        targets.accept(RegistryChanges.message(1, ResourceType.FUNCTION, ARN, RegistryChanges.function(ARN, dlq)));
        targets.accept(RegistryChanges.message(
                2,
                ResourceType.EVENT_INVOKE_CONFIG,
                ARN + "#event-invoke-config",
                RegistryChanges.eventInvokeConfig(ARN, 1, 120, "arn:aws:sqs:us-east-1:000000000000:ok", null)));
        targets.accept(RegistryChanges.message(
                3, ResourceType.CONCURRENCY, ARN + "#concurrency", RegistryChanges.concurrency(ARN, 0)));

        assertThat(targets.policyFor(ARN + ":$LATEST"))
                .isEqualTo(new AsyncPolicy(
                        1, Duration.ofSeconds(120), "arn:aws:sqs:us-east-1:000000000000:ok", null, dlq, true));
        assertThat(targets.policyFor(ARN + ":live").maximumRetryAttempts())
                .as("an alias has its own event invoke config")
                .isEqualTo(AsyncPolicy.DEFAULT_RETRY_ATTEMPTS);

        targets.accept(RegistryChanges.message(
                4, ResourceType.EVENT_INVOKE_CONFIG, ARN + "#event-invoke-config", KafkaNull.INSTANCE));
        targets.accept(RegistryChanges.message(5, ResourceType.CONCURRENCY, ARN + "#concurrency", KafkaNull.INSTANCE));
        targets.accept(RegistryChanges.message(6, ResourceType.FUNCTION, ARN, RegistryChanges.function(ARN, null)));

        assertThat(targets.policyFor(ARN)).isEqualTo(AsyncPolicy.defaults());
    }
}
