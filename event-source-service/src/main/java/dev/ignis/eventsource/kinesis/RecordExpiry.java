package dev.ignis.eventsource.kinesis;

import java.time.Duration;
import java.time.Instant;

/**
 * When a record is given up on instead of invoked: past the mapping's MaximumRecordAgeInSeconds, or,
 * with none (-1), once the stream's retention period has dropped it, which is how long Lambda retries
 * a record with MaximumRetryAttempts -1. The retention is read with the shard list; 24 hours, the
 * Kinesis default, until then.
 */
final class RecordExpiry {

    static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

    private final Duration maximumRecordAge;
    private volatile Duration retention = DEFAULT_RETENTION;

    /** @param maximumRecordAge the mapping's limit, or null for none */
    RecordExpiry(Duration maximumRecordAge) {
        this.maximumRecordAge = maximumRecordAge;
    }

    boolean expired(Instant arrival, Instant now) {
        Duration limit = retention;
        if (maximumRecordAge != null && maximumRecordAge.compareTo(limit) < 0) {
            limit = maximumRecordAge;
        }
        return arrival.plus(limit).isBefore(now);
    }

    void retention(Duration period) {
        retention = period;
    }
}
