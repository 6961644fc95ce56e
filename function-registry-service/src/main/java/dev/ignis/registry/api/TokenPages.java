package dev.ignis.registry.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The NextToken paging of the JSON APIs beside Lambda's (EventBridge's rules and targets, the
 * Scheduler's schedules): a page size of 1–100, all items when absent, from the offset an opaque
 * token names. Each API words its refusals itself, so they come back through {@link Refusals}.
 */
public final class TokenPages {

    private static final int MAX = 100;

    private TokenPages() {}

    /** How an API refuses a page size out of bounds (its model's constraint text) and a bad token. */
    public record Refusals(Function<String, RuntimeException> violation, Function<String, RuntimeException> badToken) {}

    /** Items and the token of the next page (null on the last one). */
    public record Page<T>(List<T> items, String nextToken) {}

    /**
     * @param sizeField the page size's name in the API's model ({@code limit}, {@code maxResults})
     * @param badTokenMessage the API's words for a token it did not issue
     */
    public static <T> Page<T> of(
            List<T> all, String token, Integer size, String sizeField, String badTokenMessage, Refusals refusals) {
        if (size != null && (size < 1 || size > MAX)) {
            throw refusals.violation()
                    .apply("Value '" + size + "' at '" + sizeField + "' failed to satisfy constraint: "
                            + (size < 1
                                    ? "Member must have value greater than or equal to 1"
                                    : "Member must have value less than or equal to " + MAX));
        }
        int from = token == null ? 0 : offset(token, badTokenMessage, refusals);
        int to = size == null ? all.size() : Math.min(all.size(), from + size);
        List<T> items = from >= all.size() ? List.of() : all.subList(from, to);
        return new Page<>(items, to < all.size() ? token(to) : null);
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, String badTokenMessage, Refusals refusals) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("o:")) {
                return Math.max(0, Integer.parseInt(text.substring(2)));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw refusals.badToken().apply(badTokenMessage);
    }
}
