package dev.ignis.bench.driver;

import java.util.Locale;

/**
 * How load is offered. Closed loop asks "how fast can it go with N callers"; open loop asks "how
 * long does a caller wait at this arrival rate", which is what users of a service see.
 */
public sealed interface LoadShape {

    /** Keep-alive connections, one per load thread. */
    int connections();

    /** A short name for tables: {@code closed} or {@code open 500/s}. */
    String mode();

    /** {@code clients} callers, each sending its next request as soon as the last one answered. */
    record Closed(int connections) implements LoadShape {

        public Closed {
            if (connections < 1) {
                throw new IllegalArgumentException("at least one client");
            }
        }

        @Override
        public String mode() {
            return "closed";
        }
    }

    /**
     * Requests at a fixed rate whatever the answers do, on up to {@code connections} connections;
     * latency counts from when each request was due, so a stall is charged to every request that
     * waited behind it (no coordinated omission).
     */
    record Open(int connections, int ratePerSecond) implements LoadShape {

        public Open {
            if (connections < 1 || ratePerSecond < 1) {
                throw new IllegalArgumentException("at least one connection and one request per second");
            }
        }

        @Override
        public String mode() {
            return String.format(Locale.ROOT, "open %d/s", ratePerSecond);
        }
    }
}
