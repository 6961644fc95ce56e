package dev.ignis.registry.serving;

import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.registry.outbox.CommittedChange;
import dev.ignis.registry.outbox.RequestChanges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A write whose change has no status on AWS (an alias, reserved concurrency, a delete, a URL
 * config, a policy, an async config, a layer) answers only once every invocation-service replica
 * serves it, so the next invoke sees it. Writes that do have a status (a function's create or
 * update, a published version, provisioned concurrency) answer at once and report
 * Pending / InProgress / IN_PROGRESS until {@link ServingStatus} finds them served.
 *
 * <p>The answer is held in memory until then: management answers are small, and a held status
 * line is what lets the wait happen after the transaction committed.
 */
@Component
class ReadYourWritesFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWritesFilter.class);

    /**
     * Names the URL-config and policy changes a write committed ({@code key=sequence,...}), for
     * the gateway, which holds those in its own view and waits for them before it answers.
     */
    static final String GATEWAY_CHANGES_HEADER = "X-Ignis-Changes";

    private static final Set<ResourceType> HELD_BY_THE_GATEWAY =
            Set.of(ResourceType.FUNCTION_URL_CONFIG, ResourceType.POLICY);

    /** What invocation-service does not serve (event-source-service fires rules and schedules): nothing to wait for. */
    private static final Set<ResourceType> NOT_SERVED_BY_INVOCATION =
            Set.of(ResourceType.EVENT_RULE, ResourceType.SCHEDULE);

    /** The resources whose state a caller polls for instead of expecting it at once. */
    private static final Set<ResourceType> WITH_STATUS =
            Set.of(ResourceType.FUNCTION, ResourceType.FUNCTION_VERSION, ResourceType.PROVISIONED_CONCURRENCY);

    private final ServingReplicas replicas;
    private final ReadYourWritesProperties properties;
    private final Timer waited;

    ReadYourWritesFilter(ServingReplicas replicas, ReadYourWritesProperties properties, MeterRegistry meters) {
        this.replicas = replicas;
        this.properties = properties;
        // What read-your-writes adds to a write without a status: the figure the registry README quotes.
        this.waited = Timer.builder("ignis.registry.write.served.wait")
                .description("How long a write without a status waited for every replica to serve it")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled()
                || request.getMethod().equals("GET")
                || request.getMethod().equals("HEAD");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestChanges.drain(); // nothing left over from an earlier request on this thread
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
            List<CommittedChange> changes = RequestChanges.drain();
            awaitServed(changes.stream()
                    .filter(change -> !NOT_SERVED_BY_INVOCATION.contains(change.type()))
                    .toList());
            nameForTheGateway(changes, held);
        } finally {
            held.copyBodyToResponse();
        }
    }

    private static void nameForTheGateway(List<CommittedChange> changes, HttpServletResponse response) {
        String named = changes.stream()
                .filter(change -> HELD_BY_THE_GATEWAY.contains(change.type()))
                .map(change -> change.key() + "=" + change.sequence())
                .collect(Collectors.joining(","));
        if (!named.isEmpty()) {
            response.setHeader(GATEWAY_CHANGES_HEADER, named);
        }
    }

    private void awaitServed(List<CommittedChange> changes) {
        if (changes.stream().allMatch(change -> WITH_STATUS.contains(change.type()) && !change.tombstone())) {
            return;
        }
        long start = System.nanoTime();
        try {
            awaitEach(changes, start + properties.maxWait().toNanos());
        } finally {
            waited.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private void awaitEach(List<CommittedChange> changes, long deadline) {
        for (CommittedChange change : changes) {
            if (WITH_STATUS.contains(change.type()) && !change.tombstone()) {
                continue;
            }
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!replicas.ask(change.key(), change.sequence(), left).servedByAll()) {
                log.warn(
                        "Not every invocation-service replica serves {} (sequence {}) after {}; answering anyway",
                        change.key(),
                        change.sequence(),
                        properties.maxWait());
                return;
            }
        }
    }
}
