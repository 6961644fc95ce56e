package dev.ignis.registry.eventsource;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What a poller reports about a mapping ({@code PUT /ignis/v1/event-source-mappings/{uuid}/status}).
 *
 * @param basedOn the mapping's {@code LastModified} the poller acted on; a report about an older
 *     configuration is refused, so it never overwrites a newer change
 * @param state {@code Enabled}, {@code Disabled} or {@code Deleted}; null to leave the state
 * @param lastProcessingResult null to leave it
 */
// camelCase, as Ignis's own endpoints speak, whatever naming the Lambda API's JSON uses.
record MappingStatusReport(
        @JsonProperty("basedOn") Instant basedOn,
        @JsonProperty("state") String state,
        @JsonProperty("lastProcessingResult") String lastProcessingResult) {

    /** How a report was taken. */
    enum Outcome {
        APPLIED,
        UNCHANGED,
        REMOVED,
        NOT_FOUND,
        STALE,
        CONTRADICTS_STATE
    }
}
