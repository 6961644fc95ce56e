package dev.ignis.contracts.registry;

import java.util.Map;

/**
 * How far a view has read the registry's changes; every service reports it as the details of its
 * {@code registryView} health indicator.
 *
 * @param changesSeen records offered, duplicates and stale ones included
 * @param changesApplied records that changed the view
 * @param lastSequence the sequence of the last record offered, -1 before the first
 * @param lastKey the key of the last record offered, empty before the first
 * @param resources keys that exist in the view (applied and not deleted)
 */
public record FeedPosition(long changesSeen, long changesApplied, long lastSequence, String lastKey, long resources) {

    /** The health details, under the names every service reports. */
    public Map<String, Object> details() {
        return Map.of(
                "changesSeen", changesSeen,
                "changesApplied", changesApplied,
                "lastSequence", lastSequence,
                "lastKey", lastKey,
                "resources", resources);
    }
}
