package dev.ignis.eventsource.kinesis;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.invoke.InvokeAnswer;
import dev.ignis.contracts.invoke.InvokeCall;
import dev.ignis.eventsource.batch.BatchLimits;
import dev.ignis.eventsource.config.EventSourceProperties;
import dev.ignis.eventsource.filter.RecordFilter;
import dev.ignis.eventsource.invoke.FunctionInvoker;
import dev.ignis.eventsource.poller.PollerEvents;
import dev.ignis.eventsource.poller.PollerMetrics;
import dev.ignis.eventsource.poller.ProcessingResults;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Reads one shard this replica holds the lease of and invokes its records, on its own virtual
 * thread: GetRecords into ParallelizationFactor {@link KeyLane}s (by partition key), batches as
 * Lambda makes them, at most one in flight per lane, and the checkpoint saved after every batch
 * that moved it. Once the shard is closed and everything in it processed it saves the shard as
 * ended, which lets its children start, and finishes. {@link #stop} lets the batches in flight end
 * and saves their checkpoint first.
 */
final class ShardReader {

    private static final Logger log = LoggerFactory.getLogger(ShardReader.class);

    /** How a shard with no checkpoint begins. */
    sealed interface Start {
        record TrimHorizon() implements Start {}

        record Latest() implements Start {}

        record AtTimestamp(Instant at) implements Start {}
    }

    /** What every reader of one poller shares. */
    record Context(
            KinesisSource source,
            EventSourceProperties.Kinesis settings,
            KinesisClient kinesis,
            KinesisEventWriter writer,
            RecordFilter filter,
            Checkpoints checkpoints,
            FailureDestination destination,
            FunctionInvoker invoker,
            ExecutorService invokes,
            PollerEvents events,
            PollerMetrics metrics,
            IteratorAge iteratorAge,
            RecordExpiry expiry,
            Clock clock) {}

    private record Completion(KeyLane lane, KeyLane.Attempt attempt, InvokeAnswer answer) {}

    private final String shardId;
    private final Context ctx;
    private final ShardPosition position;
    private final FunctionRef function;
    private final KeyLane[] lanes;
    private final ShardProgress progress;
    private final ConcurrentLinkedQueue<Completion> completions = new ConcurrentLinkedQueue<>();
    /** Released once per completion: what the reader waits on between rounds. */
    private final Semaphore completed = new Semaphore(0);

    private volatile boolean running = true;
    private volatile boolean finished;
    private Thread thread;
    private String iterator;
    private String saved;
    private boolean endReached;
    private String lastProblem;
    private long ordinal;
    private long nextFetch;
    private int buffered;

    ShardReader(String shardId, Checkpoint checkpoint, Start start, Context ctx) {
        this.shardId = shardId;
        this.ctx = ctx;
        this.function = FunctionRef.parse(ctx.source().functionArn());
        this.saved = checkpoint == null ? null : checkpoint.sequenceNumber();
        this.position = new ShardPosition(ctx.source().streamName(), shardId, checkpoint, start);
        this.progress = new ShardProgress(ctx.source().parallelization(), saved);
        BatchLimits limits = ctx.source().limits();
        this.lanes = new KeyLane[ctx.source().parallelization()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new KeyLane(i, limits, ctx.source(), ctx.expiry(), progress);
        }
    }

    void start() {
        thread = Thread.ofVirtual()
                .name("kinesis-" + ctx.source().uuid() + "-" + shardId)
                .start(this::run);
    }

    /** Stops reading; returns once the batches in flight finished and the checkpoint was saved. */
    void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the reader ran to the end of its closed shard. */
    boolean finished() {
        return finished;
    }

    boolean alive() {
        return thread != null && thread.isAlive();
    }

    String shardId() {
        return shardId;
    }

    private void run() {
        try {
            while (running || inFlight()) {
                applyCompletions();
                if (running) {
                    fetch();
                    dispatch();
                }
                save();
                if (ended()) {
                    ctx.checkpoints().save(shardId, Checkpoint.ended(saved, position.pinnedAt()));
                    finished = true;
                    break;
                }
                awaitWork();
            }
        } catch (RuntimeException e) {
            log.warn("Mapping {} shard {}: reader stopped: {}", ctx.source().uuid(), shardId, e.toString());
        } finally {
            ctx.checkpoints().flush();
        }
    }

    /** The shard is closed, read to its end, and every record in it is done. */
    private boolean ended() {
        if (iterator != null || !endReached) {
            return false;
        }
        for (KeyLane lane : lanes) {
            if (!lane.idle()) {
                return false;
            }
        }
        return progress.complete();
    }

    private void fetch() {
        long now = ctx.clock().millis();
        if (endReached || buffered >= ctx.settings().maxBufferedPerShard() || now < nextFetch) {
            return;
        }
        try {
            if (iterator == null) {
                iterator = position.iterator(ctx.kinesis(), ctx.checkpoints(), ctx.clock());
            }
            GetRecordsResponse answer = ctx.kinesis().getRecords(r -> r.shardIterator(iterator)
                    .limit(ctx.settings().getRecordsLimit()));
            lastProblem = null;
            take(answer.records());
            iterator = answer.nextShardIterator();
            if (iterator == null) {
                endReached = true;
            }
            boolean behind = answer.millisBehindLatest() != null && answer.millisBehindLatest() > 0;
            nextFetch = answer.records().isEmpty() && !behind
                    ? now + ctx.settings().pollInterval().toMillis()
                    : now;
        } catch (ExpiredIteratorException e) {
            iterator = null;
        } catch (SdkException e) {
            if (!e.toString().equals(lastProblem)) {
                log.warn(
                        "Mapping {} shard {}: GetRecords failed, retried: {}",
                        ctx.source().uuid(),
                        shardId,
                        e.toString());
                lastProblem = e.toString();
            }
            ctx.events().problem(KinesisPoller.problemOf(e));
            iterator = null;
            nextFetch = now + ctx.settings().retryBackoff().toMillis();
        }
    }

    private void take(List<Record> records) {
        long now = ctx.clock().millis();
        for (Record r : records) {
            byte[] data = r.data().asByteArray();
            Instant arrival =
                    r.approximateArrivalTimestamp() == null ? ctx.clock().instant() : r.approximateArrivalTimestamp();
            byte[] json = ctx.writer().record(shardId, r.sequenceNumber(), r.partitionKey(), data, arrival);
            boolean matched = ctx.filter().isPassAll()
                    || ctx.filter().matches(ctx.writer().filterView(json, data));
            if (!matched) {
                ctx.metrics().filtered(1);
            }
            int lane = lanes.length == 1 ? 0 : Math.floorMod(r.partitionKey().hashCode(), lanes.length);
            long at = ordinal++;
            progress.read(at, r.sequenceNumber(), lane);
            lanes[lane].buffer.add(
                    new StreamRecord(at, r.sequenceNumber(), r.partitionKey(), arrival, json),
                    at,
                    json.length,
                    matched,
                    now);
            buffered++;
            position.read(r.sequenceNumber());
        }
    }

    private void dispatch() {
        long nowMillis = ctx.clock().millis();
        Instant now = ctx.clock().instant();
        for (KeyLane lane : lanes) {
            KeyLane.Attempt attempt = lane.next(nowMillis, now, this::discard);
            if (attempt != null) {
                invoke(lane, attempt, now);
            }
        }
    }

    private void invoke(KeyLane lane, KeyLane.Attempt attempt, Instant now) {
        List<StreamRecord> records = attempt.records();
        ctx.iteratorAge()
                .observe(now.toEpochMilli() - records.getLast().arrival().toEpochMilli());
        byte[] event = KinesisEventWriter.event(records);
        ctx.invokes().execute(() -> {
            InvokeAnswer answer;
            try {
                answer = ctx.invoker().invoke(InvokeCall.of(function, event));
            } catch (RuntimeException e) {
                answer = InvokeAnswer.unreachable(e.toString());
            }
            completions.add(new Completion(lane, attempt, answer));
            completed.release();
        });
    }

    private void applyCompletions() {
        Completion done;
        while ((done = completions.poll()) != null) {
            List<StreamRecord> records = done.attempt().records();
            BatchVerdict verdict =
                    BatchVerdict.of(done.answer(), records, ctx.source().reportBatchItemFailures());
            done.lane()
                    .completed(
                            verdict,
                            done.answer(),
                            ctx.clock().millis(),
                            ctx.settings().retryBackoff().toMillis(),
                            ctx.settings().maxRetryBackoff().toMillis(),
                            this::discard);
            if (verdict instanceof BatchVerdict.Succeeded) {
                ctx.metrics().succeeded(records.size());
                ctx.events().processed(ProcessingResults.OK);
            } else {
                ctx.metrics().failed(records.size());
                ctx.events()
                        .processed(
                                done.answer().succeeded()
                                        ? ProcessingResults.FUNCTION_FAILED
                                        : ProcessingResults.of(done.answer()));
            }
        }
    }

    /** Records given up on go to the OnFailure destination, when there is one, before the checkpoint passes them. */
    private void discard(KeyLane.Discard discard) {
        log.info(
                "Mapping {} shard {}: {} records discarded ({})",
                ctx.source().uuid(),
                shardId,
                discard.records().size(),
                discard.condition());
        if (ctx.destination() == null) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                ctx.destination().send(shardId, discard);
                return;
            } catch (SdkException e) {
                if (attempt >= 3) {
                    log.warn(
                            "Mapping {}: the OnFailure destination refused a record: {}",
                            ctx.source().uuid(),
                            e.toString());
                    return;
                }
                sleep(ctx.settings().retryBackoff().toMillis() * attempt);
            }
        }
    }

    private void save() {
        String checkpoint = progress.checkpoint();
        buffered = 0;
        for (KeyLane lane : lanes) {
            buffered += lane.buffer.size();
        }
        if (checkpoint != null && !checkpoint.equals(saved)) {
            ctx.checkpoints().save(shardId, Checkpoint.after(checkpoint));
            saved = checkpoint;
        }
    }

    private boolean inFlight() {
        for (KeyLane lane : lanes) {
            if (lane.inFlight()) {
                return true;
            }
        }
        return false;
    }

    /** Sleeps until a batch completes, a lane is due, or the next fetch. */
    private void awaitWork() {
        long now = ctx.clock().millis();
        long wait = running ? Math.max(0, nextFetch - now) : 50;
        if (endReached || buffered >= ctx.settings().maxBufferedPerShard()) {
            wait = 50;
        }
        for (KeyLane lane : lanes) {
            long due = lane.untilDue(now);
            if (due >= 0) {
                wait = Math.min(wait, due);
            }
        }
        wait = Math.min(wait, 200);
        if (wait <= 0) {
            return;
        }
        try {
            if (completed.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                completed.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
