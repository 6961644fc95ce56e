package dev.ignis.contracts.placement;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The invocation-service replicas one invoke may try, in order, and the spill rule: a replica that
 * answers 429 has no capacity left for the function, so the next one on the ring is tried; any
 * other answer is final, and so is the last replica's 429. A replica that cannot be reached at all
 * is skipped the same way ({@link #afterUnreachable}). Every invoke client follows this rule.
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
     * The replica to try after attempt {@code attempt} could not be reached at all ({@link
     * #neverReached}): nothing was sent, so trying the next one cannot run the invoke twice. This is
     * how a replica that is gone, or not started yet, hands its functions on.
     *
     * @return empty after the last replica
     */
    public Optional<URI> afterUnreachable(int attempt) {
        return attempt + 1 < order.size() ? Optional.of(order.get(attempt + 1)) : Optional.empty();
    }

    /**
     * True when {@code error}, or a cause of it, says the replica was never reached: its name did not
     * resolve or its port refused the connection. A timeout or a reset after sending is not this.
     */
    public static boolean neverReached(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof java.net.ConnectException || e instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
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
