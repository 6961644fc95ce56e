package dev.ignis.bench.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code ./ignis bench [scenario]} takes. */
public enum ScenarioName {
    WARM,
    GATEWAY,
    COLD,
    URL,
    MANY,
    DENSITY,
    REGISTRY,
    ASYNC,
    KAFKA,
    SQS,
    KINESIS,
    FLOOR,
    ALL;

    public static ScenarioName of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown scenario '" + name + "'; one of " + names(), e);
        }
    }

    public static String names() {
        return Arrays.stream(values()).map(ScenarioName::label).collect(Collectors.joining(", "));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code floor} measures only the bench's own echo server; everything else needs the stack. */
    public boolean needsStack() {
        return this != FLOOR;
    }
}
