package dev.ignis.registry.api;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The Marker / MaxItems paging every List operation shares: the caller fetches one item more than
 * asked for, and the marker of the next page is the key of the last item shown.
 */
public final class Pages {

    private Pages() {}

    /** AWS's model check on MaxItems, with its ValidationException wording. */
    public static int checkMaxItems(int maxItems, int max) {
        if (maxItems < 1) {
            throw LambdaApiException.validation(
                    maxItems, "maxItems", "Member must have value greater than or equal to 1");
        }
        if (maxItems > max) {
            throw LambdaApiException.validation(
                    maxItems, "maxItems", "Member must have value less than or equal to " + max);
        }
        return maxItems;
    }

    /** The items of {@code sorted} (ascending by {@code key}) after {@code marker}; all of them without one. */
    public static <T> Stream<T> after(List<T> sorted, String marker, Function<T, String> key) {
        return marker == null
                ? sorted.stream()
                : sorted.stream().filter(t -> key.apply(t).compareTo(marker) > 0);
    }

    /**
     * One page of {@code fetched} (which holds up to {@code maxItems + 1} items).
     *
     * @param key what the next page's marker is made of
     */
    public static <T> Page<T> of(List<T> fetched, int maxItems, Function<T, String> key) {
        boolean more = fetched.size() > maxItems;
        List<T> shown = more ? fetched.subList(0, maxItems) : fetched;
        return new Page<>(List.copyOf(shown), more ? key.apply(shown.getLast()) : null);
    }

    /** Items and the marker of the next page (null on the last page). */
    public record Page<T>(List<T> items, String nextMarker) {

        public <R> Page<R> map(Function<T, R> mapper) {
            return new Page<>(items.stream().map(mapper).toList(), nextMarker);
        }
    }
}
