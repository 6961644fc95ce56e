package dev.ignis.eventsource.kinesis;

import dev.ignis.eventsource.config.EventSourceProperties;
import dev.ignis.eventsource.poller.EventSourcePoller;
import dev.ignis.eventsource.poller.ProcessingResults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * One Kinesis mapping on this replica. Its thread keeps the mapping's {@link ShardLeases} and
 * {@link Checkpoints} view, reads the shard list every {@code shard-sync-interval}, and runs a
 * {@link ShardReader} for each shard that is this replica's to read and ready: not ended, and
 * whose parents (after a split or merge) ended, so records of one partition key keep their order
 * across a resharding.
 */
final class KinesisPoller implements EventSourcePoller {

    private static final Logger log = LoggerFactory.getLogger(KinesisPoller.class);

    static final String STREAM_NOT_FOUND = "PROBLEM: Stream not found.";

    private final ShardReader.Context template;
    private final EventSourceProperties.Checkpoints checkpointsAt;
    private final ExecutorService invokes = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, ShardReader> readers = new LinkedHashMap<>();
    private final Map<Integer, Long> catchUp = new HashMap<>();
    private volatile boolean running;
    private Thread thread;
    private ShardReader.Context ctx;
    private Checkpoints checkpoints;
    private long nextSync;
    private List<Shard> shards = List.of();
    private String lastProblem;

    KinesisPoller(ShardReader.Context template, EventSourceProperties.Checkpoints checkpointsAt) {
        this.template = template;
        this.checkpointsAt = checkpointsAt;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform()
                .name("kinesis-poller-" + template.source().uuid())
                .start(this::run);
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
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        invokes.shutdownNow();
        template.metrics().remove();
        template.iteratorAge().remove();
    }

    private void run() {
        while (running) {
            try (Checkpoints cps = new Checkpoints(
                            checkpointsAt.bootstrapServers(),
                            checkpointsAt.topic(),
                            template.source().uuid());
                    ShardLeases leases = new ShardLeases(
                            checkpointsAt.bootstrapServers(),
                            checkpointsAt.topic(),
                            template.source().uuid(),
                            this::revoked,
                            this::assigned)) {
                checkpoints = cps;
                ctx = withCheckpoints(cps);
                coordinate(leases);
                stopReaders(readers.keySet());
            } catch (KafkaException | IllegalStateException e) {
                log.warn(
                        "Mapping {}: checkpoint store unavailable: {}",
                        template.source().uuid(),
                        e.toString());
                stopReaders(readers.keySet());
                sleep(template.settings().retryBackoff());
            }
        }
    }

    private void coordinate(ShardLeases leases) {
        nextSync = 0;
        while (running) {
            leases.poll(Duration.ofMillis(50));
            checkpoints.poll(Duration.ofMillis(10));
            long now = template.clock().millis();
            if (now >= nextSync) {
                nextSync = now + template.settings().shardSyncInterval().toMillis();
                if (syncShards() && leases.joined()) {
                    template.events().reading();
                }
            }
            readers.values().removeIf(r -> {
                if (r.alive()) {
                    return false;
                }
                if (!r.finished()) {
                    nextSync = Math.min(
                            nextSync, now + template.settings().retryBackoff().toMillis());
                }
                return true;
            });
            startReady(leases);
        }
    }

    /** Reads the shard list; false (and a reported problem) when the stream cannot be listed. */
    private boolean syncShards() {
        try {
            List<Shard> all = new ArrayList<>();
            String token = null;
            do {
                String next = token;
                ListShardsResponse page = template.kinesis().listShards(r -> {
                    if (next == null) {
                        r.streamName(template.source().streamName());
                    } else {
                        r.nextToken(next);
                    }
                });
                all.addAll(page.shards());
                token = page.nextToken();
            } while (token != null);
            shards = all;
            lastProblem = null;
            readRetention();
            return true;
        } catch (SdkException e) {
            if (!e.toString().equals(lastProblem)) {
                log.warn("Mapping {}: ListShards failed: {}", template.source().uuid(), e.toString());
                lastProblem = e.toString();
            }
            template.events().problem(problemOf(e));
            return false;
        }
    }

    /** How long the stream keeps records: with no MaximumRecordAgeInSeconds, records expire with it. */
    private void readRetention() {
        try {
            Integer hours = template.kinesis()
                    .describeStreamSummary(r -> r.streamName(template.source().streamName()))
                    .streamDescriptionSummary()
                    .retentionPeriodHours();
            if (hours != null) {
                template.expiry().retention(Duration.ofHours(hours));
            }
        } catch (SdkException e) {
            log.debug("Mapping {}: DescribeStreamSummary: {}", template.source().uuid(), e.toString());
        }
    }

    private void startReady(ShardLeases leases) {
        KinesisSource source = template.source();
        List<ShardPlan.Step> steps = ShardPlan.steps(
                shards,
                checkpoints::get,
                id -> {
                    int partition = checkpoints.partitionOf(id);
                    return !readers.containsKey(id)
                            && leases.owns(partition)
                            && checkpoints.caughtUp(Set.of(partition), catchUp);
                },
                source.startingPosition(),
                source.startingTimestamp());
        for (ShardPlan.Step step : steps) {
            switch (step) {
                case ShardPlan.Skip skip -> checkpoints.save(skip.shardId(), Checkpoint.skippedClosed());
                case ShardPlan.Read read -> {
                    ShardReader reader = new ShardReader(read.shardId(), read.checkpoint(), read.start(), ctx);
                    readers.put(read.shardId(), reader);
                    reader.start();
                }
            }
        }
    }

    /** Inside a lease poll: shards of partitions going to another replica finish and save first. */
    private void revoked(Set<Integer> partitions) {
        List<String> leaving = readers.keySet().stream()
                .filter(id -> partitions.contains(checkpoints.partitionOf(id)))
                .toList();
        stopReaders(leaving);
        partitions.forEach(catchUp::remove);
    }

    private void assigned(Set<Integer> partitions) {
        catchUp.putAll(checkpoints.endOffsets(partitions));
        nextSync = 0;
    }

    private void stopReaders(java.util.Collection<String> shardIds) {
        List<ShardReader> stopping =
                shardIds.stream().map(readers::get).filter(Objects::nonNull).toList();
        // Stopped together: each waits for its own batches in flight.
        List<Thread> stoppers =
                stopping.stream().map(r -> Thread.ofVirtual().start(r::stop)).toList();
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ShardReader r : stopping) {
            readers.remove(r.shardId());
        }
        if (checkpoints != null && !stopping.isEmpty()) {
            checkpoints.flush();
        }
    }

    private ShardReader.Context withCheckpoints(Checkpoints cps) {
        ShardReader.Context t = template;
        return new ShardReader.Context(
                t.source(),
                t.settings(),
                t.kinesis(),
                t.writer(),
                t.filter(),
                cps,
                t.destination(),
                t.invoker(),
                invokes,
                t.events(),
                t.metrics(),
                t.iteratorAge(),
                t.expiry(),
                t.clock());
    }

    /** What the mapping shows when the stream cannot be read: it is gone, or Kinesis cannot be reached. */
    static String problemOf(SdkException e) {
        return e instanceof ResourceNotFoundException ? STREAM_NOT_FOUND : ProcessingResults.CONNECTION_ERROR;
    }

    private void sleep(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        while (running && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
