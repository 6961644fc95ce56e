package dev.ignis.bench.driver;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;

/**
 * Operations timed one at a time, where a load loop would be the wrong tool: a CreateFunction
 * with a megabyte of code, one full listing. As in {@link LoadDriver}, a failed operation is
 * timed too and counted as an error, so errors never vanish from a row. One thread at a time.
 */
public final class Samples {

    private final Histogram micros = new Histogram(3);
    private long errors;
    private String firstError;

    /** Runs and times {@code operation}; its result, or empty when it threw. */
    public <T> Optional<T> time(Callable<T> operation) {
        long start = System.nanoTime();
        try {
            T result = operation.call();
            record(start);
            return Optional.ofNullable(result);
        } catch (Exception e) {
            record(start);
            error(e.toString());
            return Optional.empty();
        }
    }

    /** An operation that answered, but not what it should have (a listing missing functions). */
    public void error(String why) {
        errors++;
        if (firstError == null) {
            firstError = why;
        }
    }

    public Histogram micros() {
        return micros;
    }

    public long errors() {
        return errors;
    }

    /** What went wrong first, for a note: a row only has the count. */
    public Optional<String> firstError() {
        return Optional.ofNullable(firstError);
    }

    private void record(long start) {
        micros.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
    }
}
