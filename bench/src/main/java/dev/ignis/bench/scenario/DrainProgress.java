package dev.ignis.bench.scenario;

/** A count seen growing during a drain: when it first moved and when it last did. */
final class DrainProgress {

    private long first;
    private long firstAt;
    private long lastAt;
    private long done;

    void saw(long count) {
        long now = System.nanoTime();
        if (count > done) {
            if (firstAt == 0) {
                firstAt = now;
                first = count;
            }
            done = count;
            lastAt = now;
        }
    }

    long done() {
        return done;
    }

    /** From the first move to the last; 0 when it moved at most once. */
    double perSecond() {
        return firstAt == 0 || done == first ? 0 : (done - first) / ((lastAt - firstAt) / 1e9);
    }
}
