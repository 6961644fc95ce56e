package dev.ignis.eventsource.kafka;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.invoke.InvokeAnswer;
import dev.ignis.contracts.invoke.InvokeCall;
import dev.ignis.eventsource.batch.BatchLimits;
import dev.ignis.eventsource.config.EventSourceProperties;
import dev.ignis.eventsource.destination.DestinationMetrics;
import dev.ignis.eventsource.filter.RecordFilter;
import dev.ignis.eventsource.invoke.FunctionInvoker;
import dev.ignis.eventsource.poller.EventSourcePoller;
import dev.ignis.eventsource.poller.PollerEvents;
import dev.ignis.eventsource.poller.PollerMetrics;
import dev.ignis.eventsource.poller.ProcessingResults;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mapping's Kafka consumer, in the mapping's consumer group, so replicas share the partitions.
 * One thread polls, batches per partition and commits; batches are invoked on virtual threads, at
 * most one per partition and at most as many at once as the {@link LagScaler} allows — one to
 * start, more while the lag is high, up to the partitions assigned here. An offset is committed
 * only once every record before it was delivered with success, filtered out or given up (and then
 * taken by the OnFailure destination); a failed batch is retried with back-off, under the mapping's
 * error handling controls ({@link PartitionLane}), and holds back its partition only.
 */
final class KafkaPoller implements EventSourcePoller {

    private static final Logger log = LoggerFactory.getLogger(KafkaPoller.class);

    private sealed interface Completion {
        PartitionLane lane();
    }

    private record Invoked(PartitionLane lane, PartitionLane.Attempt attempt, InvokeAnswer answer)
            implements Completion {}

    /** @param error null when the destination took the records */
    private record Delivered(PartitionLane lane, PartitionLane.Discard discard, Exception error)
            implements Completion {}

    private final KafkaSource source;
    private final FunctionRef function;
    private final EventSourceProperties.Kafka settings;
    private final Duration invokeTimeout;
    private final FunctionInvoker invoker;
    private final PollerEvents events;
    private final PollerMetrics metrics;
    private final Clock clock;
    private final KafkaEventWriter writer;
    private final RecordFilter filter;
    private final KafkaClients clients;
    private final ConcurrentLinkedQueue<Completion> completions = new ConcurrentLinkedQueue<>();
    private final Map<TopicPartition, PartitionLane> lanes = new LinkedHashMap<>();
    private final ExecutorService invokes = Executors.newVirtualThreadPerTaskExecutor();
    private final LagScaler scaler;
    private final KafkaFailureDestination destination;
    private final DestinationMetrics destinationMetrics;

    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<byte[], byte[]> consumer;
    private int inFlight;
    /** Touched on the polling thread only: commitAsync's callbacks run inside poll. */
    private boolean commitInFlight;

    private int rotation;

    KafkaPoller(
            KafkaSource source,
            EventSourceProperties properties,
            Duration invokeTimeout,
            FunctionInvoker invoker,
            PollerEvents events,
            PollerMetrics metrics,
            DestinationMetrics destinationMetrics,
            Function<KafkaClients, KafkaFailureDestination> destinations,
            Clock clock) {
        this.source = source;
        this.function = FunctionRef.parse(source.functionArn());
        this.settings = properties.kafka();
        this.invokeTimeout = invokeTimeout;
        this.invoker = invoker;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.writer = new KafkaEventWriter(source);
        this.filter = RecordFilter.of(source.filterPatterns());
        this.clients = new KafkaClients(source, properties, invokeTimeout);
        this.scaler = new LagScaler(settings.scaleInterval(), settings.scaleUpLag());
        this.destinationMetrics = destinationMetrics;
        this.destination = destinations.apply(clients);
    }

    /** The writer of this poller's events, which the OnFailure records share. */
    KafkaEventWriter writer() {
        return writer;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("kafka-poller-" + source.uuid()).start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(invokeTimeout.plusSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        invokes.shutdownNow();
        if (destination != null) {
            destination.close();
        }
        metrics.remove();
        destinationMetrics.remove();
    }

    private void run() {
        while (running) {
            try {
                String problem = clients.check();
                if (problem != null) {
                    events.problem(problem);
                    sleep(settings.connectTimeout());
                    continue;
                }
                consume();
            } catch (KafkaException e) {
                log.warn("Mapping {}: {}", source.uuid(), e.toString());
                events.problem(KafkaClients.problemOf(e));
                sleep(settings.retryBackoff());
            }
        }
    }

    private void consume() {
        try (KafkaConsumer<byte[], byte[]> c = clients.consumer()) {
            consumer = c;
            c.subscribe(List.of(source.topic()), new Rebalance());
            while (running) {
                applyCompletions();
                // A lane whose batch just finished goes on with what it holds, without waiting out a poll.
                dispatch();
                // Committed before polling: poll sends it at once, instead of after a wait for records.
                commit(false);
                ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(pollTimeout()));
                take(records);
                dispatch();
                commit(false);
                scale();
            }
            awaitInFlight(lanes.values());
            commit(true);
        } finally {
            lanes.clear();
            consumer = null;
            commitInFlight = false;
        }
    }

    private void take(ConsumerRecords<byte[], byte[]> records) {
        long now = clock.millis();
        for (TopicPartition partition : records.partitions()) {
            PartitionLane lane = lanes.get(partition);
            if (lane == null) {
                continue;
            }
            for (ConsumerRecord<byte[], byte[]> r : records.records(partition)) {
                byte[] json = writer.record(r);
                boolean matched = filter.isPassAll() || filter.matches(writer.filterView(r, json));
                lane.buffer.add(new KafkaRecord(r, json), r.offset(), json.length, matched, now);
            }
            if (!lane.paused && lane.buffer.size() >= settings.maxBufferedPerPartition()) {
                consumer.pause(List.of(partition));
                lane.paused = true;
            }
        }
    }

    /** Starts what is due, fairly: the lane after the last one served goes first. */
    private void dispatch() {
        long now = clock.millis();
        List<PartitionLane> order = new ArrayList<>(lanes.values());
        for (int i = 0; i < order.size() && inFlight < scaler.concurrency(); i++) {
            PartitionLane lane = order.get((rotation + i) % order.size());
            switch (lane.next(now)) {
                case null -> {
                    continue;
                }
                case PartitionLane.Step.Filtered f -> {
                    // Nothing to deliver: the records count as processed without an invoke.
                    metrics.filtered(f.records());
                    continue;
                }
                case PartitionLane.Step.Invoke step -> {
                    metrics.filtered(step.filtered());
                    invoke(lane, step.attempt());
                }
                case PartitionLane.Step.Deliver step -> {
                    if (destination == null) {
                        log.info(
                                "Mapping {} {}: {} records given up ({}), no OnFailure destination",
                                source.uuid(),
                                lane.partition,
                                step.discard().records().size(),
                                step.discard().condition());
                        lane.delivered();
                        continue;
                    }
                    deliver(lane, step.discard());
                }
            }
            rotation = (rotation + i + 1) % order.size();
        }
    }

    private void invoke(PartitionLane lane, PartitionLane.Attempt attempt) {
        inFlight++;
        byte[] event = writer.event(
                lane.partition,
                attempt.records().stream().map(KafkaRecord::json).toList());
        invokes.execute(() -> {
            InvokeAnswer answer;
            try {
                answer = invoker.invoke(InvokeCall.of(function, event));
            } catch (RuntimeException e) {
                answer = InvokeAnswer.unreachable(e.toString());
            }
            completions.add(new Invoked(lane, attempt, answer));
        });
    }

    private void deliver(PartitionLane lane, PartitionLane.Discard discard) {
        inFlight++;
        invokes.execute(() -> {
            Exception error = null;
            try {
                destination.deliver(lane.partition, discard);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = e;
            } catch (Exception e) {
                error = e;
            }
            completions.add(new Delivered(lane, discard, error));
        });
    }

    private void applyCompletions() {
        Completion done;
        while ((done = completions.poll()) != null) {
            PartitionLane lane = done.lane();
            inFlight--;
            if (lane.revoked) {
                lane.inFlight = false;
                continue;
            }
            long base = settings.retryBackoff().toMillis();
            long max = settings.maxRetryBackoff().toMillis();
            switch (done) {
                case Invoked invoked -> {
                    int records = invoked.attempt().records().size();
                    if (lane.invoked(invoked.answer(), clock.millis(), base, max)) {
                        metrics.succeeded(records);
                        events.processed(ProcessingResults.OK);
                        resumeIfDrained(lane);
                    } else {
                        metrics.failed(records);
                        events.processed(ProcessingResults.of(invoked.answer()));
                    }
                }
                case Delivered delivered
                when delivered.error() == null -> {
                    destinationMetrics.sent(delivered.discard().records().size());
                    lane.delivered();
                    resumeIfDrained(lane);
                }
                case Delivered delivered -> {
                    log.warn(
                            "Mapping {} {}: the OnFailure destination refused {} records, tried again: {}",
                            source.uuid(),
                            lane.partition,
                            delivered.discard().records().size(),
                            delivered.error().toString());
                    destinationMetrics.failed();
                    lane.deliveryFailed(clock.millis(), base, max);
                }
            }
        }
    }

    private void resumeIfDrained(PartitionLane lane) {
        if (lane.paused && lane.buffer.size() < settings.maxBufferedPerPartition() / 2) {
            consumer.resume(List.of(lane.partition));
            lane.paused = false;
        }
    }

    private void commit(boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (PartitionLane lane : lanes.values()) {
            if (lane.processed > lane.committed) {
                offsets.put(lane.partition, new OffsetAndMetadata(lane.processed));
            }
        }
        commit(offsets, sync);
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets, boolean sync) {
        // One asynchronous commit at a time, each with the newest offsets: a commit per loop would
        // queue up at the coordinator faster than it writes them, and the group's offsets fall behind.
        if (offsets.isEmpty() || (!sync && commitInFlight)) {
            return;
        }
        offsets.forEach((tp, offset) -> {
            PartitionLane lane = lanes.get(tp);
            if (lane != null) {
                lane.committed = offset.offset();
            }
        });
        if (sync) {
            consumer.commitSync(offsets);
            return;
        }
        commitInFlight = true;
        consumer.commitAsync(offsets, (committed, error) -> {
            commitInFlight = false;
            if (error != null) {
                log.debug("Mapping {}: commit failed, retried with the next: {}", source.uuid(), error.toString());
                committed.keySet().forEach(tp -> {
                    PartitionLane lane = lanes.get(tp);
                    if (lane != null) {
                        lane.committed = -1;
                    }
                });
            }
        });
    }

    /** Adjusts the concurrent batches to the lag, and publishes the lag as OffsetLag. */
    private void scale() {
        long now = clock.millis();
        if (!scaler.due(now)) {
            return;
        }
        long lag = 0;
        for (PartitionLane lane : lanes.values()) {
            lag += consumer.currentLag(lane.partition).orElse(0) + lane.buffer.size();
        }
        metrics.offsetLag(lag);
        scaler.observe(lag, lanes.size(), now);
    }

    private long pollTimeout() {
        if (inFlight > 0) {
            // A finished batch is noticed only when poll returns: this is how long its lane may idle.
            return 2;
        }
        long now = clock.millis();
        long wait = settings.pollTimeout().toMillis();
        for (PartitionLane lane : lanes.values()) {
            long due = lane.untilDue(now);
            if (due >= 0) {
                wait = Math.min(wait, due);
            }
        }
        return wait;
    }

    /** Waits (on the polling thread) for the given lanes' batches in flight, applying every completion. */
    private void awaitInFlight(Collection<PartitionLane> waiting) {
        long deadline = System.nanoTime() + invokeTimeout.toNanos();
        while (waiting.stream().anyMatch(l -> l.inFlight) && System.nanoTime() < deadline) {
            if (completions.isEmpty()) {
                sleep(Duration.ofMillis(1));
            }
            applyCompletions();
        }
    }

    private void sleep(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        while (running && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Runs inside {@code poll}: hands partitions over cleanly, so no record is delivered twice. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            List<PartitionLane> leaving =
                    partitions.stream().map(lanes::get).filter(l -> l != null).toList();
            awaitInFlight(leaving);
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (PartitionLane lane : leaving) {
                if (lane.processed > lane.committed) {
                    offsets.put(lane.partition, new OffsetAndMetadata(lane.processed));
                }
            }
            commit(offsets, true);
            drop(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            drop(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    partitions.isEmpty() ? Map.of() : consumer.committed(Set.copyOf(partitions));
            List<TopicPartition> fresh =
                    partitions.stream().filter(tp -> committed.get(tp) == null).toList();
            if (!fresh.isEmpty() && source.startingPosition() == KafkaSource.StartingPosition.AT_TIMESTAMP) {
                seekToTimestamp(fresh);
            }
            Map<TopicPartition, OffsetAndMetadata> pinned = new HashMap<>();
            for (TopicPartition tp : partitions) {
                PartitionLane lane = new PartitionLane(tp, limitsFor(tp), source.errorHandling());
                lanes.put(tp, lane);
                if (fresh.contains(tp)) {
                    // Where the group starts is saved now: a restart before the first batch neither
                    // skips records (LATEST) nor goes back further than it should.
                    pinned.put(tp, new OffsetAndMetadata(consumer.position(tp)));
                }
            }
            commit(pinned, true);
            events.reading();
        }

        private void seekToTimestamp(List<TopicPartition> fresh) {
            Map<TopicPartition, Long> at = new HashMap<>();
            fresh.forEach(tp -> at.put(tp, source.startingTimestamp().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(at);
            Map<TopicPartition, Long> ends = consumer.endOffsets(fresh);
            for (TopicPartition tp : fresh) {
                OffsetAndTimestamp o = found.get(tp);
                consumer.seek(tp, o == null ? ends.get(tp) : o.offset());
            }
        }

        private void drop(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                PartitionLane lane = lanes.remove(tp);
                if (lane != null) {
                    lane.revoked = true;
                    lane.buffer.clear();
                }
            }
        }
    }

    private BatchLimits limitsFor(TopicPartition tp) {
        var limits = source.limits();
        return new BatchLimits(limits.batchSize(), limits.window(), limits.maxPayloadBytes(), writer.envelopeBytes(tp));
    }
}
