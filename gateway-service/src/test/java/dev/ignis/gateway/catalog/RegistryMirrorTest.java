package dev.ignis.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    @Test
    void aResetRegistryDatabaseIsDetectedAndItsRestartedSequencesAreNotTakenForDuplicates() {
        List<String> seen = new ArrayList<>();
        RegistryMirror view = new RegistryMirror(List.of(new RegistryListener() {
            @Override
            public void onChange(ResourceType type, String key, Optional<byte[]> value) {
                seen.add(key + "@" + value.map(String::new).orElse("tombstone"));
            }

            @Override
            public void onReset() {
                seen.add("reset");
            }
        }));
        view.accept(message(ResourceType.FUNCTION, ARN, 41, "{\"old\":true}", 1_000));
        view.accept(message(ResourceType.FUNCTION, ARN + "-gone", 42, "{}", 1_000));

        // The database was wiped, the topic kept: sequences start again at 1 under a newer generation.
        view.accept(message(ResourceType.FUNCTION, ARN, 1, "{\"new\":true}", 2_000));
        view.accept(message(ResourceType.FUNCTION, ARN + "-gone", 43, "{}", 1_000));

        assertThat(seen).containsExactly(ARN + "@{\"old\":true}", ARN + "-gone@{}", "reset", ARN + "@{\"new\":true}");
        assertThat(view.holds(ResourceType.FUNCTION, ARN)).isTrue();
        assertThat(view.holds(ResourceType.FUNCTION, ARN + "-gone"))
                .as("a resource of the dead database, read late from another partition")
                .isFalse();
        assertThat(view.health().getDetails()).containsEntry("generation", 2_000L);
    }

    /** Header values as Strings: the mirror accepts them as well as the binder's raw bytes. */
    private static org.springframework.messaging.Message<Object> message(
            ResourceType type, String key, long sequence, Object payload) {
        return message(type, key, sequence, payload, 1);
    }

    private static org.springframework.messaging.Message<Object> message(
            ResourceType type, String key, long sequence, Object payload, long generation) {
        return MessageBuilder.withPayload(payload)
                .setHeader(KafkaHeaders.RECEIVED_KEY, key)
                .setHeader(RegistryChangeHeaders.RESOURCE_TYPE, type.name())
                .setHeader(RegistryChangeHeaders.SEQUENCE, Long.toString(sequence))
                .setHeader(RegistryChangeHeaders.GENERATION, Long.toString(generation))
                .build();
    }
}
