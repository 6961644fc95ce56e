package dev.ignis.eventsource.schedule;

import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rule's last fire, as kept on the fired topic (key = rule ARN, compacted): written in the same
 * Kafka transaction as the fire's invocations, so a fire and its mark are both there or neither.
 *
 * @param eventId the Scheduled Event's id, for tracing a fire to what its targets received
 */
record FiredMark(String ruleArn, Instant fireTime, String eventId) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    byte[] encode() {
        return JSON.writeValueAsBytes(this);
    }

    static FiredMark decode(byte[] value) {
        return JSON.readValue(value, FiredMark.class);
    }
}
