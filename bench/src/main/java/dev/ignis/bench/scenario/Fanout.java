package dev.ignis.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One action per item on a few threads, within a time limit: set-up and clean-up work (a thousand
 * functions to create or delete) that is not measured, only bounded. A few threads, not hundreds,
 * because the stack under test shares the machine and should not be flooded before it is measured.
 */
final class Fanout {

    /** What is done to each item. */
    @FunctionalInterface
    interface Action<T> {
        void accept(T item) throws Exception;
    }

    private Fanout() {}

    /**
     * Runs {@code action} on every item and answers what failed, one line per item ("item: why");
     * items not done when {@code limit} is up are cancelled and count as failed, so a stuck stack
     * cannot hold the run.
     */
    static <T> List<String> forEach(Collection<T> items, int threads, Duration limit, Action<T> action)
            throws InterruptedException {
        List<Callable<Void>> tasks = new ArrayList<>(items.size());
        for (T item : items) {
            tasks.add(() -> {
                action.accept(item);
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> done = pool.invokeAll(tasks, limit.toMillis(), TimeUnit.MILLISECONDS);
            List<String> failures = new ArrayList<>();
            int i = 0;
            for (T item : items) {
                failure(done.get(i++)).ifPresent(why -> failures.add(item + ": " + why));
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Optional<String> failure(Future<Void> future) throws InterruptedException {
        try {
            future.get();
            return Optional.empty();
        } catch (CancellationException e) {
            return Optional.of("not done within the time limit");
        } catch (ExecutionException e) {
            return Optional.of(String.valueOf(e.getCause()));
        }
    }
}
