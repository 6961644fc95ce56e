package dev.ignis.contracts.placement;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The invocation-service replicas one invoke may try, in order, and the spill rule: a replica that
 * answers 429 has no capacity left for the function, so the next one on the ring is tried; any
 * other answer is final, and so is the last replica's 429. Every invoke client follows this rule.
 *
 * @param order the owner first, then the fallbacks; never empty
 */
public record Placement(List<URI> order) {

    public static final int TOO_MANY_REQUESTS = 429;

    public Placement {
        order = List.copyOf(order);
        if (order.isEmpty()) {
            throw new IllegalArgumentException("A placement needs at least one replica");
        }
    }

    /** The replica that holds the function's warm environments: the first to try. */
    public URI owner() {
        return order.getFirst();
    }

    /**
     * The replica to try after attempt {@code attempt} (0 for the owner) answered {@code status}.
     *
     * @return empty when that answer stands
     */
    public Optional<URI> after(int attempt, int status) {
        if (status != TOO_MANY_REQUESTS || attempt + 1 >= order.size()) {
            return Optional.empty();
        }
        return Optional.of(order.get(attempt + 1));
    }

    /**
     * Runs one invoke under the rule with a blocking transport: {@code send} asks one replica, and
     * the answer that stands is returned.
     *
     * @param status the HTTP status of an answer
     */
    public <A> A call(Function<URI, A> send, ToIntFunction<A> status) {
        URI replica = owner();
        for (int attempt = 0; ; attempt++) {
            A answer = send.apply(replica);
            Optional<URI> next = after(attempt, status.applyAsInt(answer));
            if (next.isEmpty()) {
                return answer;
            }
            replica = next.get();
        }
    }
}
