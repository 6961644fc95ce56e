package dev.ignis.eventsource.support;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.contracts.registry.RegistryChange;
import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.ResourceType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the registry for the mapping-lifecycle tests of every source kind: publishes event source
 * mapping changes on the registry topic as the registry's outbox does (record and headers), each
 * with the next sequence number.
 */
public final class MappingChanges {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String bootstrapServers;
    private final AtomicLong sequence = new AtomicLong();

    public MappingChanges(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** {@code mapping} as the registry would publish it after a change. */
    public void publish(EventSourceMappingSnapshot mapping) {
        long seq = sequence.incrementAndGet();
        var change = new RegistryChange<>(
                seq, ResourceType.EVENT_SOURCE_MAPPING, mapping.mappingArn(), null, Instant.now(), mapping);
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", bootstrapServers),
                new StringSerializer(),
                new ByteArraySerializer())) {
            var record = new ProducerRecord<>(
                    "ignis.registry.changes", mapping.mappingArn(), JSON.writeValueAsBytes(change));
            record.headers().add(RegistryChangeHeaders.RESOURCE_TYPE, bytes(ResourceType.EVENT_SOURCE_MAPPING.name()));
            record.headers().add(RegistryChangeHeaders.SEQUENCE, bytes(Long.toString(seq)));
            producer.send(record);
        }
    }

    /** {@code m} with another state, enabled flag and LastModified: what a user's change leaves. */
    public static EventSourceMappingSnapshot with(
            EventSourceMappingSnapshot m, String state, boolean enabled, Instant lastModified) {
        return new EventSourceMappingSnapshot(
                m.uuid(),
                m.mappingArn(),
                m.functionArn(),
                m.sourceKind(),
                m.eventSourceArn(),
                m.kafka(),
                state,
                m.stateTransitionReason(),
                enabled,
                m.batchSize(),
                m.maximumBatchingWindowInSeconds(),
                m.filterPatterns(),
                m.startingPosition(),
                m.startingPositionTimestamp(),
                m.onFailureDestination(),
                m.reportBatchItemFailures(),
                m.bisectBatchOnFunctionError(),
                m.maximumRetryAttempts(),
                m.maximumRecordAgeInSeconds(),
                m.parallelizationFactor(),
                m.maximumConcurrency(),
                m.lastProcessingResult(),
                lastModified);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
