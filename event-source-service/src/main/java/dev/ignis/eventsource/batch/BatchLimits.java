package dev.ignis.eventsource.batch;

import java.time.Duration;

/**
 * When a batch goes, as Lambda decides it for every kind of source: once it holds
 * {@code batchSize} records, once {@code window} has passed since its first record arrived, or
 * when one more record would take the event past {@code maxPayloadBytes}.
 *
 * @param envelopeBytes what the event adds around its records, counted against the payload limit
 */
public record BatchLimits(int batchSize, Duration window, long maxPayloadBytes, int envelopeBytes) {

    public BatchLimits {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
    }
}
