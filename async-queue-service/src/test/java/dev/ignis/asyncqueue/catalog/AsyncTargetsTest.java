package dev.ignis.asyncqueue.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.asyncqueue.config.AsyncQueueProperties;
import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.fixtures.RegistryChangeSequences;
import dev.ignis.contracts.fixtures.RegistryChangeSequences.Scenario;
import dev.ignis.contracts.registry.RegistryRecord;
import dev.ignis.contracts.registry.ResourceType;
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

    final AsyncTargets targets = new AsyncTargets(new AsyncQueueProperties("us-east-1", "000000000000"));

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
        assertThat(targets.health().getStatus()).isEqualTo(Status.UP);
        assertThat(targets.health().getDetails())
                .containsEntry("changesSeen", 2L)
                .containsEntry("lastSequence", 3L)
                .containsEntry("lastKey", ARN + "#url");
    }

    static Message<Object> message(RegistryRecord record) {
        Object payload = record.value().<Object>map(bytes -> bytes).orElse(KafkaNull.INSTANCE);
        return MessageBuilder.createMessage(
                payload, new MessageHeaders(RegistryChangeSequences.kafkaHeaders(record, KafkaHeaders.RECEIVED_KEY)));
    }
}
