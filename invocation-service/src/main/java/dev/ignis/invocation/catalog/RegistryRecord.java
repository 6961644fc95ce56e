package dev.ignis.invocation.catalog;

import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;

/** One registry-changes record as it arrived: a tombstone when {@code value} is empty. */
record RegistryRecord(String key, ResourceType type, long sequence, Optional<byte[]> value) {

    static RegistryRecord of(Message<?> message) {
        var headers = message.getHeaders();
        Object payload = message.getPayload();
        return new RegistryRecord(
                text(headers.get(KafkaHeaders.RECEIVED_KEY)),
                ResourceType.valueOf(text(headers.get(RegistryChangeHeaders.RESOURCE_TYPE))),
                Long.parseLong(text(headers.get(RegistryChangeHeaders.SEQUENCE))),
                payload instanceof byte[] bytes && !(payload instanceof KafkaNull)
                        ? Optional.of(bytes)
                        : Optional.empty());
    }

    private static String text(Object header) {
        if (header == null) {
            throw new IllegalArgumentException("A registry-changes record lacks a key or an ignis-* header");
        }
        return header instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : header.toString();
    }
}
