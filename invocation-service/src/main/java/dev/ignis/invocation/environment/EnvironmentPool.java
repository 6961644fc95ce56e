package dev.ignis.invocation.environment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The warm environments of one function version. Idle environments are reused last-in first-out,
 * so the warmest one takes the next invoke and the coldest ones age out. An environment of an
 * older configuration (another RevisionId) is never handed out again.
 */
final class EnvironmentPool {

    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final List<ExecutionEnvironment> all = new ArrayList<>();

    synchronized void add(ExecutionEnvironment environment) {
        all.add(environment);
    }

    /** An idle environment of {@code revisionId}, provisioned ones first; stale ones are returned for shutdown. */
    synchronized ExecutionEnvironment takeIdle(String revisionId, List<ExecutionEnvironment> stale) {
        ExecutionEnvironment fallback = null;
        for (Iterator<ExecutionEnvironment> it = idle.iterator(); it.hasNext(); ) {
            ExecutionEnvironment candidate = it.next();
            if (!candidate.alive() || !revisionId.equals(candidate.function().revisionId())) {
                it.remove();
                stale.add(candidate);
                continue;
            }
            if (candidate.provisioned()) {
                it.remove();
                return candidate;
            }
            if (fallback == null) {
                fallback = candidate;
            }
        }
        if (fallback != null) {
            idle.remove(fallback);
        }
        return fallback;
    }

    /** Back to the pool after an invoke; a dead one is forgotten. */
    synchronized void release(ExecutionEnvironment environment) {
        if (environment.alive()) {
            idle.push(environment);
        } else {
            all.remove(environment);
        }
    }

    synchronized void forget(ExecutionEnvironment environment) {
        all.remove(environment);
        idle.remove(environment);
    }

    /** Removes and returns idle environments that {@code expired} says should go. */
    synchronized List<ExecutionEnvironment> evict(java.util.function.Predicate<ExecutionEnvironment> expired) {
        List<ExecutionEnvironment> gone = new ArrayList<>();
        for (Iterator<ExecutionEnvironment> it = idle.iterator(); it.hasNext(); ) {
            ExecutionEnvironment candidate = it.next();
            if (!candidate.alive() || expired.test(candidate)) {
                it.remove();
                all.remove(candidate);
                gone.add(candidate);
            }
        }
        all.removeIf(e -> !e.alive());
        return gone;
    }

    synchronized List<ExecutionEnvironment> snapshot() {
        return List.copyOf(all);
    }

    synchronized int size() {
        return all.size();
    }

    synchronized boolean isEmpty() {
        return all.isEmpty();
    }
}
