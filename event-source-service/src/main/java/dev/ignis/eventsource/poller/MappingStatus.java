package dev.ignis.eventsource.poller;

import java.time.Instant;

/**
 * One status report about a mapping, as the registry takes it.
 *
 * @param uuid the mapping
 * @param basedOn the mapping's {@code LastModified} the reporter acted on: a report about an older
 *     configuration is refused, so a late report never overwrites a newer change
 * @param state {@code Enabled}, {@code Disabled} or {@code Deleted}; null leaves the state alone
 * @param lastProcessingResult null leaves it alone
 */
public record MappingStatus(String uuid, Instant basedOn, String state, String lastProcessingResult) {

    public static final String ENABLED = "Enabled";
    public static final String DISABLED = "Disabled";
    public static final String DELETED = "Deleted";
}
