package dev.ignis.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.support.MessageBuilder;

class RegistryMirrorTest {

    static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:web";

    final RegistryMirror mirror = new RegistryMirror(List.of());

    @Test
    void mirrorsKeysPerTypeSoAUrlConfigAndItsFunctionStayApart() {
        mirror.accept(message(ResourceType.FUNCTION, ARN, 1, "{}"));
        mirror.accept(message(ResourceType.FUNCTION_URL_CONFIG, ARN + "#url", 2, "{}"));

        assertThat(mirror.holds(ResourceType.FUNCTION, ARN)).isTrue();
        assertThat(mirror.holds(ResourceType.FUNCTION_URL_CONFIG, ARN + "#url")).isTrue();

        mirror.accept(message(ResourceType.FUNCTION_URL_CONFIG, ARN + "#url", 3, KafkaNull.INSTANCE));
        assertThat(mirror.holds(ResourceType.FUNCTION_URL_CONFIG, ARN + "#url")).isFalse();
        assertThat(mirror.holds(ResourceType.FUNCTION, ARN)).isTrue();
        assertThat(mirror.health().getDetails())
                .containsEntry("resources", 1L)
                .containsEntry("lastKey", ARN + "#url")
                .containsEntry("lastSequence", 3L);
    }

    /** Header values as Strings: the mirror accepts them as well as the binder's raw bytes. */
    private static org.springframework.messaging.Message<Object> message(
            ResourceType type, String key, long sequence, Object payload) {
        return MessageBuilder.withPayload(payload)
                .setHeader(KafkaHeaders.RECEIVED_KEY, key)
                .setHeader(RegistryChangeHeaders.RESOURCE_TYPE, type.name())
                .setHeader(RegistryChangeHeaders.SEQUENCE, Long.toString(sequence))
                .build();
    }
}
