package dev.ignis.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.fixtures.RegistryChangeSequences;
import dev.ignis.contracts.fixtures.RegistryChangeSequences.Scenario;
import dev.ignis.contracts.registry.RegistryRecord;
import dev.ignis.gateway.url.FunctionUrlDirectory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/** The shared stale / duplicate / tombstone sequences, through the binding's messages. */
class RegistryMirrorTest {

    final FunctionUrlDirectory urls = new FunctionUrlDirectory();
    final RegistryMirror mirror = new RegistryMirror(List.of(urls));

    static Stream<Scenario> functions() {
        return RegistryChangeSequences.functions("web").stream();
    }

    static Stream<Scenario> urlConfigs() {
        return RegistryChangeSequences.urlConfigs("web").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void holdsAFunctionExactlyWhenTheSharedSequenceSaysSo(Scenario scenario) {
        scenario.records().forEach(record -> mirror.accept(message(record)));

        assertThat(mirror.holds(scenario.key()))
                .isEqualTo(scenario.expectedMarker().isPresent());
        assertThat(mirror.health().getDetails())
                .containsEntry("changesSeen", (long) scenario.records().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urlConfigs")
    void servesTheUrlOfTheNewestChangeAndNoneAfterItsTombstone(Scenario scenario) {
        scenario.records().forEach(record -> mirror.accept(message(record)));

        for (String marker : List.of("v1", "v2", "v2-replayed", "v3")) {
            assertThat(urls.url(marker).isPresent())
                    .as("URL id %s", marker)
                    .isEqualTo(scenario.expectedMarker().equals(java.util.Optional.of(marker)));
        }
    }

    static Message<Object> message(RegistryRecord record) {
        Object payload = record.value().<Object>map(bytes -> bytes).orElse(KafkaNull.INSTANCE);
        return MessageBuilder.createMessage(
                payload, new MessageHeaders(RegistryChangeSequences.kafkaHeaders(record, KafkaHeaders.RECEIVED_KEY)));
    }
}
