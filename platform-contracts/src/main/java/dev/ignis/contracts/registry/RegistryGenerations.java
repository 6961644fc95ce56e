package dev.ignis.contracts.registry;

/**
 * Tells a registry view when the registry's database was reset while the compacted changes topic was
 * kept. Sequence numbers count per database: a fresh database starts again at 1, so a view comparing
 * sequences alone would drop every later change to a key it saw under the old database as "not
 * newer". Each database therefore has a generation (its creation time in epoch milliseconds, carried
 * in {@link RegistryChangeHeaders#GENERATION}), and a view orders changes by (generation, sequence).
 *
 * <p>The rule, for each change a view reads:
 *
 * <ul>
 *   <li>{@link Verdict#CURRENT}: the generation the view follows; apply the usual rule (newer
 *       sequence per key wins, tombstones remembered);
 *   <li>{@link Verdict#STALE}: an older generation, a change from a database that no longer exists;
 *       ignore it;
 *   <li>{@link Verdict#RESET}: a newer generation; everything the view holds came from a dead
 *       database: drop it all (sequences remembered for tombstones included), then apply this change.
 *       Records of the old database still in the topic arrive as {@code STALE} from then on, on every
 *       partition, whatever order the partitions are read in.
 * </ul>
 *
 * A record without the header (written before generations existed) is generation 0. Not thread-safe:
 * a view calls it under the lock it applies changes with.
 */
public final class RegistryGenerations {

    public enum Verdict {
        CURRENT,
        STALE,
        RESET
    }

    private long current = -1;

    public Verdict observe(long generation) {
        if (generation == current) {
            return Verdict.CURRENT;
        }
        if (generation < current) {
            return Verdict.STALE;
        }
        boolean first = current < 0;
        current = generation;
        return first ? Verdict.CURRENT : Verdict.RESET;
    }

    /** The generation the view follows, -1 before its first change. */
    public long current() {
        return current;
    }

    /** The header's text as a generation: absent or blank is 0, the generation before there were any. */
    public static long parse(String header) {
        return header == null || header.isBlank() || header.equals("null") ? 0 : Long.parseLong(header.strip());
    }
}
