package dev.ignis.registry.scheduler;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of ListSchedules: {@code MaxResults} (1–100, the model's bounds; all when absent) items
 * from the offset an opaque {@code NextToken} names.
 */
record SchedulePage<T>(List<T> items, String nextToken) {

    static <T> SchedulePage<T> of(List<T> all, String token, Integer maxResults) {
        if (maxResults != null && (maxResults < 1 || maxResults > 100)) {
            throw SchedulerApiException.violations(
                    List.of("Value '" + maxResults + "' at 'maxResults' failed to satisfy constraint: "
                            + (maxResults < 1
                                    ? "Member must have value greater than or equal to 1"
                                    : "Member must have value less than or equal to 100")));
        }
        int from = token == null ? 0 : offset(token);
        int to = maxResults == null ? all.size() : Math.min(all.size(), from + maxResults);
        List<T> items = from >= all.size() ? List.of() : all.subList(from, to);
        return new SchedulePage<>(items, to < all.size() ? token(to) : null);
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
        throw SchedulerApiException.validation("Invalid NextToken.");
    }
}
