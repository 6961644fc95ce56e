package dev.ignis.launcher.config;

/** One topic of {@code ignis.topics}: what the launcher creates before any service starts. */
public record TopicSpec(String id, String name, int partitions, boolean compacted) {

    public TopicSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("ignis.topics." + id + ".name is missing");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("ignis.topics." + id + ".partitions must be at least 1");
        }
    }
}
