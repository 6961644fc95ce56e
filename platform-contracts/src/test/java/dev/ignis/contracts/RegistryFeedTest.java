package dev.ignis.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignis.contracts.fixtures.RegistryChangeSequences;
import dev.ignis.contracts.fixtures.RegistryChangeSequences.Scenario;
import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.RegistryFeed;
import dev.ignis.contracts.registry.RegistryRecord;
import dev.ignis.contracts.registry.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryFeedTest {

    static final String ARN = RegistryChangeSequences.functionArn("fn");

    /** The feed's handler keeps the last applied value by key, as the simplest view would. */
    final Map<String, String> view = new HashMap<>();

    final List<Long> appliedSequences = new ArrayList<>();
    final RegistryFeed feed = new RegistryFeed(record -> {
        appliedSequences.add(record.sequence());
        if (record.isTombstone()) {
            view.remove(record.key());
        } else {
            view.put(record.key(), new String(record.value().orElseThrow(), StandardCharsets.UTF_8));
        }
    });

    static Stream<Scenario> scenarios() {
        return Stream.of(
                        RegistryChangeSequences.functions("fn"),
                        RegistryChangeSequences.versions("fn", "3"),
                        RegistryChangeSequences.urlConfigs("fn"))
                .flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void endsInTheStateEveryViewMustReach(Scenario scenario) {
        scenario.records().forEach(feed::offer);

        assertThat(feed.holds(scenario.key()))
                .isEqualTo(scenario.expectedMarker().isPresent());
        scenario.expectedMarker()
                .ifPresentOrElse(
                        marker -> assertThat(view.get(scenario.key())).contains("\"revisionId\":\"" + marker + "\""),
                        () -> assertThat(view).doesNotContainKey(scenario.key()));
        assertThat(appliedSequences).isSorted().doesNotHaveDuplicates();
        assertThat(feed.position().resources())
                .isEqualTo(scenario.expectedMarker().isPresent() ? 1 : 0);
        assertThat(feed.position().changesSeen()).isEqualTo(scenario.records().size());
    }

    @Test
    void keysAreIndependentAndThePositionCountsWhatExists() {
        feed.offer(RegistryRecord.change(ARN, ResourceType.FUNCTION, 5, "{}".getBytes()));
        feed.offer(RegistryRecord.change(ARN + "#url", ResourceType.FUNCTION_URL_CONFIG, 3, "{}".getBytes()));
        feed.offer(RegistryRecord.tombstone(ARN + "#url", ResourceType.FUNCTION_URL_CONFIG, 4));

        assertThat(feed.holds(ARN)).isTrue();
        assertThat(feed.holds(ARN + "#url")).isFalse();
        assertThat(feed.appliedSequence(ARN + "#url")).hasValue(4);
        assertThat(feed.appliedSequence("other")).isEmpty();
        assertThat(feed.isNewer(ARN, 5)).isFalse();
        assertThat(feed.isNewer(ARN, 6)).isTrue();
        assertThat(feed.position().details())
                .containsEntry("resources", 1L)
                .containsEntry("changesApplied", 3L)
                .containsEntry("lastSequence", 4L)
                .containsEntry("lastKey", ARN + "#url");
    }

    @Test
    void aResetRegistryDatabaseWithTheTopicKeptIsRebuiltNotTakenForDuplicates() {
        List<String> calls = new ArrayList<>();
        RegistryFeed rebuilt = new RegistryFeed(new RegistryFeed.Handler() {
            @Override
            public void apply(RegistryRecord record) {
                calls.add(record.key() + "@" + record.sequence());
            }

            @Override
            public void reset() {
                calls.add("reset");
            }
        });
        byte[] value = "{}".getBytes(StandardCharsets.UTF_8);
        rebuilt.offer(
                RegistryRecord.change(ARN, ResourceType.FUNCTION, 41, value).withGeneration(1_000));
        rebuilt.offer(RegistryRecord.change(ARN + "-gone", ResourceType.FUNCTION, 42, value)
                .withGeneration(1_000));

        // The database was wiped: sequences start again at 1 under a newer generation.
        assertThat(rebuilt.offer(RegistryRecord.change(ARN, ResourceType.FUNCTION, 1, value)
                        .withGeneration(2_000)))
                .isTrue();
        assertThat(rebuilt.offer(RegistryRecord.change(ARN + "-gone", ResourceType.FUNCTION, 43, value)
                        .withGeneration(1_000)))
                .as("a record of the dead database, read late from another partition")
                .isFalse();
        assertThat(rebuilt.offer(RegistryRecord.change(ARN, ResourceType.FUNCTION, 2, value)
                        .withGeneration(2_000)))
                .isTrue();

        assertThat(calls).containsExactly(ARN + "@41", ARN + "-gone@42", "reset", ARN + "@1", ARN + "@2");
        assertThat(rebuilt.holds(ARN)).isTrue();
        assertThat(rebuilt.holds(ARN + "-gone")).isFalse();
        assertThat(rebuilt.position().resources()).isEqualTo(1);
    }

    @Test
    void theGenerationHeaderIsDecodedAndItsAbsenceIsGenerationZero() {
        Map<String, Object> headers = new HashMap<>(
                Map.of(RegistryChangeHeaders.RESOURCE_TYPE, "FUNCTION", RegistryChangeHeaders.SEQUENCE, "7"));
        assertThat(RegistryRecord.decode(ARN, headers::get, "{}").generation()).isZero();

        headers.put(RegistryChangeHeaders.GENERATION, "1764810000000".getBytes(StandardCharsets.UTF_8));
        assertThat(RegistryRecord.decode(ARN, headers::get, "{}").generation()).isEqualTo(1_764_810_000_000L);
    }

    @Test
    void aHandlerThatFailsLeavesTheRecordUnapplied() {
        RegistryFeed failing = new RegistryFeed(record -> {
            throw new IllegalStateException("undecodable");
        });
        RegistryRecord record = RegistryRecord.change(ARN, ResourceType.FUNCTION, 1, "{".getBytes());

        assertThatThrownBy(() -> failing.offer(record)).isInstanceOf(IllegalStateException.class);
        assertThat(failing.holds(ARN)).isFalse();
        assertThat(failing.isNewer(ARN, 1)).isTrue();
    }

    @Test
    void decodesTheBindersBytesAndTextAlikeAndAnythingElseIsATombstone() {
        Map<String, Object> bytes =
                RegistryChangeSequences.kafkaHeaders(RegistryRecord.tombstone(ARN, ResourceType.ALIAS, 9), "key");
        RegistryRecord fromBytes = RegistryRecord.decode(bytes.get("key"), bytes::get, "{}".getBytes());
        RegistryRecord fromText = RegistryRecord.decode(
                ARN,
                Map.<String, Object>of(
                        RegistryChangeHeaders.RESOURCE_TYPE, "ALIAS", RegistryChangeHeaders.SEQUENCE, "9")::get,
                "{}");
        RegistryRecord tombstone = RegistryRecord.decode(ARN, bytes::get, Optional.empty());

        assertThat(fromBytes.key()).isEqualTo(ARN);
        assertThat(fromBytes.type()).isEqualTo(ResourceType.ALIAS);
        assertThat(fromBytes.sequence()).isEqualTo(9);
        assertThat(fromBytes.value()).hasValueSatisfying(v -> assertThat(v).isEqualTo("{}".getBytes()));
        assertThat(fromText.value()).hasValueSatisfying(v -> assertThat(v).isEqualTo("{}".getBytes()));
        assertThat(tombstone.isTombstone()).isTrue();
    }

    @Test
    void refusesARecordWithoutItsHeaders() {
        assertThatThrownBy(() -> RegistryRecord.decode(ARN, name -> null, "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(RegistryChangeHeaders.RESOURCE_TYPE);
        assertThatThrownBy(() -> RegistryRecord.decode(
                        ARN,
                        Map.<String, Object>of(
                                RegistryChangeHeaders.RESOURCE_TYPE, "NOPE", RegistryChangeHeaders.SEQUENCE, "1")::get,
                        "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void aWriterWaitsUntilItsChangeOrANewerOneIsApplied() throws Exception {
        feed.offer(RegistryRecord.change(ARN, ResourceType.FUNCTION, 4, "{}".getBytes()));
        assertThat(feed.awaitApplied(ARN, 4, java.time.Duration.ZERO)).isTrue();
        assertThat(feed.awaitApplied(ARN, 5, java.time.Duration.ofMillis(20))).isFalse();

        Thread applier =
                Thread.ofVirtual().start(() -> feed.offer(RegistryRecord.tombstone(ARN, ResourceType.FUNCTION, 6)));
        assertThat(feed.awaitApplied(ARN, 5, java.time.Duration.ofSeconds(10))).isTrue();
        applier.join();
        assertThat(feed.holds(ARN)).isFalse();
    }
}
