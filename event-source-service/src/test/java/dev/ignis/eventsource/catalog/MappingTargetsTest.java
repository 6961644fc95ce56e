package dev.ignis.eventsource.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.fixtures.RegistryChangeSequences;
import dev.ignis.contracts.fixtures.RegistryChangeSequences.Scenario;
import dev.ignis.contracts.registry.RegistryRecord;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.eventsource.config.EventSourceProperties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

class MappingTargetsTest {

    final MappingTargets targets = new MappingTargets(new EventSourceProperties("us-east-1", "000000000000"));

    static Stream<Scenario> sharedSequences() {
        return RegistryChangeSequences.functions("orders").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedSequences")
    void knowsAFunctionExactlyWhenTheSharedSequenceLeavesItExisting(Scenario scenario) {
        scenario.records().forEach(record -> targets.accept(message(record)));

        assertThat(targets.exists("orders")).isEqualTo(scenario.expectedMarker().isPresent());
    }

    @Test
    void ignoresOtherAccountsAndSubResources() {
        targets.accept(message(RegistryRecord.change(
                "arn:aws:lambda:eu-west-1:111111111111:function:elsewhere",
                ResourceType.FUNCTION,
                8,
                "{}".getBytes())));
        targets.accept(message(RegistryRecord.change(
                RegistryChangeSequences.functionArn("orders") + "#concurrency",
                ResourceType.CONCURRENCY,
                9,
                "{}".getBytes())));

        assertThat(targets.exists("elsewhere")).isFalse();
        assertThat(targets.exists("orders")).isFalse();
        assertThat(targets.health().getDetails()).containsEntry("lastSequence", 9L);
    }

    static Message<Object> message(RegistryRecord record) {
        Object payload = record.value().<Object>map(bytes -> bytes).orElse(KafkaNull.INSTANCE);
        return MessageBuilder.createMessage(
                payload, new MessageHeaders(RegistryChangeSequences.kafkaHeaders(record, KafkaHeaders.RECEIVED_KEY)));
    }
}
