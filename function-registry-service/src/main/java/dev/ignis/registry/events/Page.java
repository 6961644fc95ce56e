package dev.ignis.registry.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of a list: {@code Limit} (1–100, AWS's bounds; all when absent) items from the offset an
 * opaque {@code NextToken} names.
 */
record Page<T>(List<T> items, String nextToken) {

    static <T> Page<T> of(List<T> all, String token, Integer limit) {
        if (limit != null && (limit < 1 || limit > 100)) {
            throw EventsApiException.violations(
                    List.of("Value '" + limit + "' at 'limit' failed to satisfy constraint: "
                            + (limit < 1
                                    ? "Member must have value greater than or equal to 1"
                                    : "Member must have value less than or equal to 100")));
        }
        int from = token == null ? 0 : offset(token);
        int to = limit == null ? all.size() : Math.min(all.size(), from + limit);
        List<T> items = from >= all.size() ? List.of() : all.subList(from, to);
        return new Page<>(items, to < all.size() ? token(to) : null);
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("o:")) {
                return Math.max(0, Integer.parseInt(text.substring(2)));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw EventsApiException.validation("The nextToken provided is invalid.");
    }
}
