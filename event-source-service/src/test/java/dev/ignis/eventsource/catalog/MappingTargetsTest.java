package dev.ignis.eventsource.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.eventsource.config.EventSourceProperties;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.support.MessageBuilder;

class MappingTargetsTest {

    final MappingTargets targets = new MappingTargets(new EventSourceProperties("us-east-1", "000000000000"));

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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
