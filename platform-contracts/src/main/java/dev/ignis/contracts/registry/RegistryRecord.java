package dev.ignis.contracts.registry;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One registry-changes record with its headers decoded: the record key, what kind of resource it
 * names, the registry's commit sequence, the {@link RegistryChange} JSON (empty for a tombstone) and
 * the generation of the registry database that wrote it ({@link RegistryGenerations}; 0 when the
 * record carries none). Every consumer builds these with {@link #decode} and nothing else reads the
 * headers.
 */
public record RegistryRecord(String key, ResourceType type, long sequence, Optional<byte[]> value, long generation) {

    public RegistryRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /** A record of generation 0, the generation before the registry wrote any. */
    public RegistryRecord(String key, ResourceType type, long sequence, Optional<byte[]> value) {
        this(key, type, sequence, value, 0);
    }

    public RegistryRecord withGeneration(long newGeneration) {
        return new RegistryRecord(key, type, sequence, value, newGeneration);
    }

    public static RegistryRecord change(String key, ResourceType type, long sequence, byte[] value) {
        return new RegistryRecord(key, type, sequence, Optional.of(value));
    }

    public static RegistryRecord tombstone(String key, ResourceType type, long sequence) {
        return new RegistryRecord(key, type, sequence, Optional.empty());
    }

    public boolean isTombstone() {
        return value.isEmpty();
    }

    /**
     * Decodes a record as a Kafka binding hands it over.
     *
     * @param key the record key (raw bytes or text)
     * @param header looks a header up by name; values may be raw bytes or text
     * @param payload the value: bytes or text are a change; anything else (a binder's null
     *     marker, {@code null}) is a tombstone
     * @throws IllegalArgumentException when the key or an {@code ignis-*} header is missing or malformed
     */
    public static RegistryRecord decode(Object key, Function<String, Object> header, Object payload) {
        String type = text(header.apply(RegistryChangeHeaders.RESOURCE_TYPE), RegistryChangeHeaders.RESOURCE_TYPE);
        String sequence = text(header.apply(RegistryChangeHeaders.SEQUENCE), RegistryChangeHeaders.SEQUENCE);
        Optional<byte[]> value =
                switch (payload) {
                    case byte[] bytes -> Optional.of(bytes);
                    case String json -> Optional.of(json.getBytes(StandardCharsets.UTF_8));
                    case null, default -> Optional.empty();
                };
        Object generation = header.apply(RegistryChangeHeaders.GENERATION);
        try {
            return new RegistryRecord(
                    text(key, "key"),
                    ResourceType.valueOf(type),
                    Long.parseLong(sequence),
                    value,
                    generation == null
                            ? 0
                            : RegistryGenerations.parse(text(generation, RegistryChangeHeaders.GENERATION)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A registry-changes record with a malformed header: " + e.getMessage());
        }
    }

    private static String text(Object value, String name) {
        return switch (value) {
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            case null -> throw new IllegalArgumentException("A registry-changes record lacks its " + name);
            default -> value.toString();
        };
    }
}
