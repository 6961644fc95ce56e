package dev.ignis.gateway.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code ignis.gateway.requests}: one timer per route and status class ({@code 2xx} ... {@code 5xx},
 * {@code none} when the client left before a status was set). Timers are looked up, not built, per
 * request.
 */
public final class RequestMetrics {

    public static final String NAME = "ignis.gateway.requests";
    private static final String[] STATUS_CLASSES = {"none", "1xx", "2xx", "3xx", "4xx", "5xx"};

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Timer[]> timersByRoute = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String route, int status, long nanos) {
        int statusClass = status >= 100 && status < 600 ? status / 100 : 0;
        Timer[] timers = timersByRoute.computeIfAbsent(route, this::timersOf);
        timers[statusClass].record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer[] timersOf(String route) {
        Timer[] timers = new Timer[STATUS_CLASSES.length];
        for (int i = 0; i < timers.length; i++) {
            timers[i] = Timer.builder(NAME)
                    .description("Requests through the gateway, by route and status class")
                    .tag("route", route)
                    .tag("status", STATUS_CLASSES[i])
                    .register(registry);
        }
        return timers;
    }
}
