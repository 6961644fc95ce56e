package dev.ignis.gateway.body;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap the gateway lets held bodies take together. A reservation either fits whole or fails; it
 * never waits, so a burst of uploads turns into file spooling instead of a queue on the heap.
 */
final class BodyBudget {

    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    BodyBudget(long capacity) {
        this.capacity = capacity;
    }

    boolean tryReserve(long bytes) {
        long current;
        do {
            current = used.get();
            if (current + bytes > capacity) {
                return false;
            }
        } while (!used.compareAndSet(current, current + bytes));
        return true;
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }
}
