package dev.ignis.eventsource.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.eventsource.config.EventSourceProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.support.MessageBuilder;

class MappingTargetsTest {

    final List<String> mappingChanges = new ArrayList<>();
    final MappingTargets targets = new MappingTargets(
            new EventSourceProperties(
                    "us-east-1",
                    "000000000000",
                    URI.create("http://127.0.0.1:8081"),
                    URI.create("http://127.0.0.1:8082"),
                    Duration.ofMinutes(14),
                    6_291_456,
                    null),
            List.of((arn, sequence, mapping) ->
                    mappingChanges.add(arn + "@" + sequence + ":" + (mapping == null ? "gone" : mapping.state()))));

    @Test
    void knowsAFunctionUntilItsTombstoneAndIgnoresOtherAccountsAndTypes() {
        targets.accept(MessageBuilder.<Object>withPayload("{}")
                .setHeader(KafkaHeaders.RECEIVED_KEY, "arn:aws:lambda:us-east-1:000000000000:function:orders")
                .setHeader(RegistryChangeHeaders.RESOURCE_TYPE, bytes("FUNCTION"))
                .setHeader(RegistryChangeHeaders.SEQUENCE, bytes("7"))
                .build());
        targets.accept(MessageBuilder.<Object>withPayload("{}")
                .setHeader(KafkaHeaders.RECEIVED_KEY, "arn:aws:lambda:eu-west-1:111111111111:function:elsewhere")
                .setHeader(RegistryChangeHeaders.RESOURCE_TYPE, bytes("FUNCTION"))
                .setHeader(RegistryChangeHeaders.SEQUENCE, bytes("8"))
                .build());
        assertThat(targets.exists("orders")).isTrue();
        assertThat(targets.exists("elsewhere")).isFalse();

        targets.accept(MessageBuilder.<Object>withPayload(KafkaNull.INSTANCE)
                .setHeader(KafkaHeaders.RECEIVED_KEY, "arn:aws:lambda:us-east-1:000000000000:function:orders")
                .setHeader(RegistryChangeHeaders.RESOURCE_TYPE, bytes(ResourceType.FUNCTION.name()))
                .setHeader(RegistryChangeHeaders.SEQUENCE, bytes("9"))
                .build());
        assertThat(targets.exists("orders")).isFalse();
        assertThat(targets.health().getDetails())
                .containsEntry("changesApplied", 3L)
                .containsEntry("lastSequence", 9L);
    }

    @Test
    void eventSourceMappingChangesGoToTheListenersTombstonesIncluded() {
        String arn = "arn:aws:lambda:us-east-1:000000000000:event-source-mapping:u1";
        targets.accept(
                MessageBuilder.<Object>withPayload(bytes("{\"sequence\":4,\"type\":\"EVENT_SOURCE_MAPPING\",\"arn\":\""
                                + arn
                                + "\",\"committedAt\":\"2026-12-04T00:00:00Z\",\"snapshot\":{\"uuid\":\"u1\",\"state\":\"Creating\","
                                + "\"enabled\":true,\"batchSize\":10,\"reportBatchItemFailures\":false}}"))
                        .setHeader(KafkaHeaders.RECEIVED_KEY, arn)
                        .setHeader(RegistryChangeHeaders.RESOURCE_TYPE, bytes("EVENT_SOURCE_MAPPING"))
                        .setHeader(RegistryChangeHeaders.SEQUENCE, bytes("4"))
                        .build());
        targets.accept(MessageBuilder.<Object>withPayload(KafkaNull.INSTANCE)
                .setHeader(KafkaHeaders.RECEIVED_KEY, arn)
                .setHeader(RegistryChangeHeaders.RESOURCE_TYPE, bytes("EVENT_SOURCE_MAPPING"))
                .setHeader(RegistryChangeHeaders.SEQUENCE, bytes("5"))
                .build());
        assertThat(mappingChanges).containsExactly(arn + "@4:Creating", arn + "@5:gone");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
