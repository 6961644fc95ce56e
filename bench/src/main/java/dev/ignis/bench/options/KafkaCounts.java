package dev.ignis.bench.options;

/**
 * The bounds of the {@code kafka} scenario.
 *
 * @param records records produced before the mapping is created, then drained through it in batches of 100
 * @param idleSamples single records sent one at a time to an idle mapping, each timed
 */
public record KafkaCounts(int records, int idleSamples) {}
