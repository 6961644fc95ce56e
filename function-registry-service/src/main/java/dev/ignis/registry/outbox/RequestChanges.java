package dev.ignis.registry.outbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The changes the current request committed, in commit order. A servlet request runs on one
 * thread, and {@link ChangeLog} adds each change once its transaction committed (a rolled-back
 * one never appears), so a filter around the request can wait for exactly these.
 */
public final class RequestChanges {

    private static final ThreadLocal<List<CommittedChange>> COMMITTED = ThreadLocal.withInitial(ArrayList::new);

    private RequestChanges() {}

    static void add(CommittedChange change) {
        COMMITTED.get().add(change);
    }

    /** The changes committed on this thread since the last call, which forgets them. */
    public static List<CommittedChange> drain() {
        List<CommittedChange> changes = List.copyOf(COMMITTED.get());
        COMMITTED.remove();
        return changes;
    }
}
