package dev.ignis.contracts.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The one rule every view of the registry applies: a record is applied only if its sequence is
 * newer than the last one applied for its key, and a deleted key remembers the sequence of its
 * tombstone, so that a late duplicate of an older change cannot bring it back. The outbox may
 * publish a change twice and a read-through answer may race the topic; both pass through here.
 *
 * <p>Records from the topic and from a read-through go through {@link #offer}; the
 * {@link Handler} sees only the ones that change something, one at a time.
 *
 * <p>Sequences compare within one registry database generation only ({@link RegistryGenerations}):
 * a record of a newer generation means the database was reset with the topic kept, so the feed
 * forgets every key (the handler's {@link Handler#reset} is called) before it applies that record,
 * and records of older generations are ignored. Without this, the new database's sequences, which
 * start again at 1, would be taken for duplicates and every later change dropped.
 */
public final class RegistryFeed {

    /**
     * A service's typed view on top of the feed.
     *
     * <p>Contract: {@link #apply} is called once per applied record, never concurrently, and for
     * one key always with increasing sequences; a tombstone means the key's resource is gone. An
     * exception thrown here propagates to the caller of {@link RegistryFeed#offer} and the record
     * counts as not applied.
     */
    @FunctionalInterface
    public interface Handler {
        void apply(RegistryRecord record);

        /**
         * The registry's database was reset: everything applied so far describes resources that no
         * longer exist. A view forgets them; the new database's records follow. Called under the
         * same guarantees as {@link #apply}.
         */
        default void reset() {}
    }

    /** The last applied sequence of a key and whether it was a tombstone. */
    private record Seen(long sequence, boolean deleted) {}

    private final Handler handler;
    private final Map<String, Seen> seen = new HashMap<>();
    private final RegistryGenerations generations = new RegistryGenerations();
    private long offered;
    private long applied;
    private long live;
    private long lastSequence = -1;
    private String lastKey = "";

    public RegistryFeed(Handler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Whether {@code sequence} would be applied to {@code key}: the rule, on its own. */
    public synchronized boolean isNewer(String key, long sequence) {
        Seen last = seen.get(key);
        return last == null || last.sequence() < sequence;
    }

    /**
     * Applies {@code record} if it is newer than what was applied for its key.
     *
     * @return true if the handler applied it
     */
    public synchronized boolean offer(RegistryRecord record) {
        offered++;
        lastSequence = record.sequence();
        lastKey = record.key();
        switch (generations.observe(record.generation())) {
            case STALE -> {
                return false;
            }
            case RESET -> {
                handler.reset();
                seen.clear();
                live = 0;
            }
            case CURRENT -> {
                // the usual rule below
            }
        }
        Seen last = seen.get(record.key());
        if (last != null && last.sequence() >= record.sequence()) {
            return false;
        }
        handler.apply(record);
        seen.put(record.key(), new Seen(record.sequence(), record.isTombstone()));
        live += (record.isTombstone() ? 0 : 1) - (last == null || last.deleted() ? 0 : 1);
        applied++;
        notifyAll();
        return true;
    }

    /**
     * Waits until a change to {@code key} at {@code sequence} or later has been applied (a
     * tombstone's included): how a writer learns that this view serves its write.
     *
     * @return true once applied, false if {@code timeout} passed first
     */
    public synchronized boolean awaitApplied(String key, long sequence, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isNewer(key, sequence)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Whether {@code key} names a resource that exists in this view (seen and not deleted). */
    public synchronized boolean holds(String key) {
        Seen last = seen.get(key);
        return last != null && !last.deleted();
    }

    /** The sequence last applied for {@code key}, a tombstone's included; empty if never seen. */
    public synchronized OptionalLong appliedSequence(String key) {
        Seen last = seen.get(key);
        return last == null ? OptionalLong.empty() : OptionalLong.of(last.sequence());
    }

    public synchronized FeedPosition position() {
        return new FeedPosition(offered, applied, lastSequence, lastKey, live);
    }
}
