package dev.ignis.eventsource.poller;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One mapping's meters, tagged {@code source} (its kind: {@code kafka}, {@code sqs}, {@code kinesis}),
 * {@code mapping} (its UUID) and {@code function}: records delivered,
 * filtered out and in failed batches; batches by outcome; and {@code OffsetLag}, the records the
 * source holds that the mapping has not processed yet. Removed when the poller stops.
 */
public final class PollerMetrics {

    private final MeterRegistry registry;
    private final Tags tags;
    private final List<Meter> meters = new ArrayList<>();
    private final Counter delivered;
    private final Counter filtered;
    private final Counter failedRecords;
    private final Counter succeededBatches;
    private final Counter failedBatches;
    private final AtomicLong offsetLag = new AtomicLong();

    /** @param source the mapping's kind, as its package is named: kafka, sqs or kinesis */
    public PollerMetrics(MeterRegistry registry, String source, String mappingUuid, String functionArn) {
        this.registry = registry;
        String function = functionArn.substring(functionArn.indexOf(":function:") + ":function:".length());
        this.tags = Tags.of("source", source, "mapping", mappingUuid, "function", function);
        delivered = counter("ignis.eventsource.records", "delivered");
        filtered = counter("ignis.eventsource.records", "filtered");
        failedRecords = counter("ignis.eventsource.records", "failed");
        succeededBatches = counter("ignis.eventsource.batches", "success");
        failedBatches = counter("ignis.eventsource.batches", "failure");
        meters.add(Gauge.builder("ignis.eventsource.offset.lag", offsetLag, AtomicLong::get)
                .description("OffsetLag: records in the source not yet processed by the mapping")
                .tags(tags)
                .register(registry));
    }

    private Counter counter(String name, String outcome) {
        Counter counter =
                Counter.builder(name).tags(tags).tag("outcome", outcome).register(registry);
        meters.add(counter);
        return counter;
    }

    public void succeeded(int records) {
        succeededBatches.increment();
        delivered.increment(records);
    }

    public void failed(int records) {
        failedBatches.increment();
        failedRecords.increment(records);
    }

    /** A batch whose function reported some records as failed (a partial batch response). */
    public void partiallyFailed(int succeededRecords, int failedRecords) {
        failedBatches.increment();
        delivered.increment(succeededRecords);
        this.failedRecords.increment(failedRecords);
    }

    public void filtered(int records) {
        filtered.increment(records);
    }

    public void offsetLag(long records) {
        offsetLag.set(records);
    }

    public void remove() {
        meters.forEach(registry::remove);
    }
}
