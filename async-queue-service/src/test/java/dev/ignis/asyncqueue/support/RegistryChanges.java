package dev.ignis.asyncqueue.support;

import dev.ignis.contracts.registry.ConcurrencySnapshot;
import dev.ignis.contracts.registry.EventInvokeConfigSnapshot;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.contracts.registry.RegistryChange;
import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.ResourceType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/** Registry-changes records as the registry writes them: the JSON values and their headers. */
public final class RegistryChanges {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RegistryChanges() {}

    public static byte[] function(String arn, String deadLetterTargetArn) {
        String name = arn.substring(arn.lastIndexOf(':') + 1);
        FunctionSnapshot snapshot = new FunctionSnapshot(
                name,
                arn,
                "$LATEST",
                "python3.12",
                "lambda_function.handler",
                128,
                3,
                512,
                "sha",
                1,
                List.of(),
                null,
                "arn:aws:iam::000000000000:role/r",
                "",
                "Zip",
                List.of("x86_64"),
                "Active",
                Instant.EPOCH,
                "rev",
                deadLetterTargetArn);
        return change(ResourceType.FUNCTION, arn, snapshot);
    }

    public static byte[] eventInvokeConfig(
            String arn, Integer maximumRetryAttempts, Integer maximumEventAge, String onSuccess, String onFailure) {
        return change(
                ResourceType.EVENT_INVOKE_CONFIG,
                arn,
                new EventInvokeConfigSnapshot(
                        arn, "$LATEST", maximumRetryAttempts, maximumEventAge, onSuccess, onFailure, Instant.EPOCH));
    }

    public static byte[] concurrency(String arn, int reserved) {
        return change(ResourceType.CONCURRENCY, arn, new ConcurrencySnapshot(arn, reserved));
    }

    private static byte[] change(ResourceType type, String arn, Object snapshot) {
        return JSON.writeValueAsBytes(new RegistryChange<>(1, type, arn, "rev", Instant.EPOCH, snapshot));
    }

    /** Publishes a change (or, with a null value, a tombstone) to the real registry-changes topic. */
    public static void publish(
            Producer<String, byte[]> producer, String topic, long sequence, ResourceType type, String key, byte[] value)
            throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(RegistryChangeHeaders.RESOURCE_TYPE, type.name().getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(RegistryChangeHeaders.SEQUENCE, Long.toString(sequence).getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }
}
