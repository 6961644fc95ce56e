package dev.ignis.eventsource.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.fixtures.RegistryChangeSequences;
import dev.ignis.contracts.fixtures.RegistryChangeSequences.Scenario;
import dev.ignis.contracts.registry.RegistryRecord;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.eventsource.config.EventSourceProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    final List<String> mappingChanges = new ArrayList<>();
    final MappingTargets targets = new MappingTargets(
            new EventSourceProperties(
                    "us-east-1", "000000000000", URI.create("http://127.0.0.1:8081"), 6_291_456, null, null, null),
            List.of((arn, sequence, mapping) ->
                    mappingChanges.add(arn + "@" + sequence + ":" + (mapping == null ? "gone" : mapping.state()))));

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

    @Test
    void appliedEventSourceMappingChangesGoToTheListenersStaleOnesDoNot() {
        String arn = "arn:aws:lambda:us-east-1:000000000000:event-source-mapping:u1";
        targets.accept(
                message(RegistryRecord.change(arn, ResourceType.EVENT_SOURCE_MAPPING, 4, mapping(arn, "Creating"))));
        targets.accept(
                message(RegistryRecord.change(arn, ResourceType.EVENT_SOURCE_MAPPING, 3, mapping(arn, "Stale"))));
        targets.accept(message(RegistryRecord.tombstone(arn, ResourceType.EVENT_SOURCE_MAPPING, 5)));

        assertThat(mappingChanges).containsExactly(arn + "@4:Creating", arn + "@5:gone");
    }

    private static byte[] mapping(String arn, String state) {
        return ("{\"sequence\":4,\"type\":\"EVENT_SOURCE_MAPPING\",\"arn\":\"" + arn
                        + "\",\"committedAt\":\"2026-12-04T00:00:00Z\",\"snapshot\":{\"uuid\":\"u1\",\"state\":\""
                        + state + "\",\"enabled\":true,\"batchSize\":10,\"reportBatchItemFailures\":false}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static Message<Object> message(RegistryRecord record) {
        Object payload = record.value().<Object>map(bytes -> bytes).orElse(KafkaNull.INSTANCE);
        return MessageBuilder.createMessage(
                payload, new MessageHeaders(RegistryChangeSequences.kafkaHeaders(record, KafkaHeaders.RECEIVED_KEY)));
    }
}
