package dev.ignis.gateway.backend;

import dev.ignis.gateway.auth.PayloadHashMismatchException;
import java.util.function.Predicate;

/**
 * Which failures count against a backend's circuit breaker: anything on the way to or from it, but
 * not a client's own fault that happens to surface inside the backend call (a tampered body).
 */
final class BackendFailures implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PayloadHashMismatchException) {
                return false;
            }
        }
        return true;
    }
}
