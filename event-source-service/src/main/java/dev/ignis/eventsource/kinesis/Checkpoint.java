package dev.ignis.eventsource.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How far a mapping got in one shard, as saved on the checkpoint topic.
 *
 * @param sequenceNumber the last record processed (delivered with success, filtered out or
 *     discarded); reading resumes after it. Null while nothing was processed yet
 * @param pinnedAt for a shard that began at {@code LATEST} before any record was processed: when
 *     it began, so a restart reads from there instead of from a later LATEST
 * @param ended the shard is closed and everything in it was processed: its children may start
 * @param skipped ended without being read: a shard closed before a {@code LATEST} mapping first saw it
 */
record Checkpoint(String sequenceNumber, Instant pinnedAt, boolean ended, boolean skipped) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Checkpoint after(String sequenceNumber) {
        return new Checkpoint(sequenceNumber, null, false, false);
    }

    static Checkpoint pinned(Instant at) {
        return new Checkpoint(null, at, false, false);
    }

    static Checkpoint skippedClosed() {
        return new Checkpoint(null, null, true, true);
    }

    /** The shard was read to its end, after {@code sequenceNumber} (null: it held nothing to process). */
    static Checkpoint ended(String sequenceNumber, Instant pinnedAt) {
        return new Checkpoint(sequenceNumber, pinnedAt, true, false);
    }

    /**
     * Of two checkpoints of one shard, the one further along. A shard's checkpoints only move forward,
     * so a late echo read back from the topic never takes a shard back: ended beats not ended, a
     * higher sequence number beats a lower one, and any sequence number beats a pin.
     */
    static Checkpoint furthest(Checkpoint known, Checkpoint other) {
        if (known == null || other == null) {
            return known == null ? other : known;
        }
        if (known.ended() != other.ended()) {
            return known.ended() ? known : other;
        }
        if (known.sequenceNumber() == null || other.sequenceNumber() == null) {
            return known.sequenceNumber() == null && other.sequenceNumber() != null ? other : known;
        }
        return new BigInteger(other.sequenceNumber()).compareTo(new BigInteger(known.sequenceNumber())) > 0
                ? other
                : known;
    }

    byte[] toJson() {
        ObjectNode node = JSON.createObjectNode();
        if (sequenceNumber != null) {
            node.put("sequenceNumber", sequenceNumber);
        }
        if (pinnedAt != null) {
            node.put("pinnedAt", pinnedAt.toString());
        }
        node.put("ended", ended);
        node.put("skipped", skipped);
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Checkpoint fromJson(byte[] json) {
        JsonNode node = JSON.readTree(json);
        JsonNode seq = node.path("sequenceNumber");
        JsonNode pinned = node.path("pinnedAt");
        return new Checkpoint(
                seq.isString() ? seq.asString() : null,
                pinned.isString() ? Instant.parse(pinned.asString()) : null,
                node.path("ended").asBoolean(),
                node.path("skipped").asBoolean());
    }
}
