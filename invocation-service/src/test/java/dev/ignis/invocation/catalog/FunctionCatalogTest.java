package dev.ignis.invocation.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.fixtures.RegistryChangeSequences;
import dev.ignis.contracts.fixtures.RegistryChangeSequences.Scenario;
import dev.ignis.contracts.registry.AliasSnapshot;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.contracts.registry.RegistryChange;
import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.RegistryRecord;
import dev.ignis.contracts.registry.ResourceType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

class FunctionCatalogTest {

    static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:fn";

    final FunctionCatalog catalog = new FunctionCatalog("us-east-1", "000000000000");
    final RegistryView consumer = new RegistryView(catalog);
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void resolvesLatestByNamePartialArnAndFullArn() {
        consumer.accept(change(1, ResourceType.FUNCTION, ARN, function("$LATEST", "r1")));

        for (String name : List.of("fn", "fn:$LATEST", "000000000000:function:fn", ARN)) {
            assertThat(catalog.resolve(FunctionRef.parse(name)))
                    .as(name)
                    .hasValueSatisfying(f -> assertThat(f.version()).isEqualTo("$LATEST"));
        }
        assertThat(catalog.resolve(FunctionRef.parse("other"))).isEmpty();
        assertThat(catalog.resolve(FunctionRef.parse("fn:7"))).isEmpty();
    }

    @Test
    void resolvesAVersionAndAnAliasToItsVersion() {
        consumer.accept(change(1, ResourceType.FUNCTION, ARN, function("$LATEST", "r1")));
        consumer.accept(change(2, ResourceType.FUNCTION_VERSION, ARN + ":3", function("3", "r2")));
        consumer.accept(change(
                3,
                ResourceType.ALIAS,
                ARN + ":live",
                new AliasSnapshot("live", ARN + ":live", "fn", "3", Map.of(), "", "r3")));

        assertThat(catalog.resolve(FunctionRef.parse("fn:3")).map(FunctionSnapshot::version))
                .contains("3");
        assertThat(catalog.resolve(FunctionRef.parse("fn", "live")).map(FunctionSnapshot::version))
                .contains("3");
        assertThat(catalog.size()).isEqualTo(3);
    }

    @Test
    void aTombstoneRemovesAndAReplayedOlderRecordIsIgnored() {
        consumer.accept(change(5, ResourceType.FUNCTION, ARN, function("$LATEST", "new")));
        consumer.accept(change(4, ResourceType.FUNCTION, ARN, function("$LATEST", "old")));
        assertThat(catalog.resolve(FunctionRef.parse("fn")).map(FunctionSnapshot::revisionId))
                .contains("new");

        consumer.accept(tombstone(6, ResourceType.FUNCTION, ARN));
        assertThat(catalog.resolve(FunctionRef.parse("fn"))).isEmpty();
        assertThat(consumer.health().getDetails())
                .containsEntry("changesSeen", 3L)
                .containsEntry("changesApplied", 2L)
                .containsEntry("lastSequence", 6L)
                .containsEntry("lastKey", ARN)
                .containsEntry("resources", 0L);
    }

    static Stream<Scenario> sharedSequences() {
        return Stream.concat(
                RegistryChangeSequences.functions("fn").stream(), RegistryChangeSequences.versions("fn", "3").stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedSequences")
    void followsTheSharedStaleDuplicateAndTombstoneSequences(Scenario scenario) {
        scenario.records().forEach(record -> consumer.accept(message(record)));
        FunctionRef ref = FunctionRef.parse(scenario.key());

        assertThat(catalog.resolve(ref).map(FunctionSnapshot::revisionId)).isEqualTo(scenario.expectedMarker());
    }

    private static Message<Object> message(RegistryRecord record) {
        Object payload = record.value().<Object>map(bytes -> bytes).orElse(KafkaNull.INSTANCE);
        return MessageBuilder.createMessage(
                payload, new MessageHeaders(RegistryChangeSequences.kafkaHeaders(record, KafkaHeaders.RECEIVED_KEY)));
    }

    private Message<Object> change(long sequence, ResourceType type, String arn, Object snapshot) {
        byte[] value =
                json.writeValueAsBytes(new RegistryChange<>(sequence, type, arn, "rev", Instant.EPOCH, snapshot));
        return message(sequence, type, arn, value);
    }

    private Message<Object> tombstone(long sequence, ResourceType type, String arn) {
        return message(sequence, type, arn, KafkaNull.INSTANCE);
    }

    /** Headers as the Kafka binder delivers them: key and ignis-* headers as raw bytes. */
    private static Message<Object> message(long sequence, ResourceType type, String key, Object payload) {
        return MessageBuilder.withPayload(payload)
                .setHeader(KafkaHeaders.RECEIVED_KEY, key.getBytes(StandardCharsets.UTF_8))
                .setHeader(RegistryChangeHeaders.RESOURCE_TYPE, type.name().getBytes(StandardCharsets.UTF_8))
                .setHeader(
                        RegistryChangeHeaders.SEQUENCE, Long.toString(sequence).getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static FunctionSnapshot function(String version, String revision) {
        return new FunctionSnapshot(
                "fn",
                ARN,
                version,
                "python3.12",
                "app.handler",
                128,
                3,
                512,
                "sha",
                10,
                List.of(),
                null,
                "role",
                "",
                "Zip",
                List.of("x86_64"),
                "Active",
                Instant.EPOCH,
                revision);
    }
}
