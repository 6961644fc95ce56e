package dev.ignis.eventsource.sqs;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.invoke.InvokeAnswer;
import dev.ignis.contracts.invoke.InvokeCall;
import dev.ignis.eventsource.invoke.FunctionInvoker;
import dev.ignis.eventsource.poller.PollerEvents;
import dev.ignis.eventsource.poller.PollerMetrics;
import dev.ignis.eventsource.poller.ProcessingResults;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invokes the function with one batch and settles its messages as Lambda does: deleted once the
 * function succeeded with them; a failed message is left alone, so it becomes visible again when its
 * visibility timeout passes and the queue's RedrivePolicy counts the receive. Thread-safe: every
 * lane of a poller shares one.
 */
final class BatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);

    /** How a batch went, for the lane: whether it should wait before its next receive. */
    enum Result {
        SETTLED,
        /** A throttle or an unreachable invoke service: the lane backs off. */
        BACK_OFF
    }

    private final SqsSource source;
    private final FunctionRef function;
    private final SqsQueue queue;
    private final SqsEventWriter writer;
    private final FunctionInvoker invoker;
    private final PollerEvents events;
    private final PollerMetrics metrics;
    private final boolean fifo;

    BatchProcessor(
            SqsSource source,
            SqsQueue queue,
            SqsEventWriter writer,
            FunctionInvoker invoker,
            PollerEvents events,
            PollerMetrics metrics,
            boolean fifo) {
        this.source = source;
        this.function = FunctionRef.parse(source.functionArn());
        this.queue = queue;
        this.writer = writer;
        this.invoker = invoker;
        this.events = events;
        this.metrics = metrics;
        this.fifo = fifo;
    }

    Result process(List<Received> batch) {
        byte[] event = writer.event(batch.stream().map(Received::json).toList());
        InvokeAnswer answer;
        try {
            answer = invoker.invoke(InvokeCall.of(function, event));
        } catch (RuntimeException e) {
            answer = InvokeAnswer.unreachable(e.toString());
        }
        if (!answer.succeeded()) {
            metrics.failed(batch.size());
            events.processed(ProcessingResults.of(answer));
            return answer.functionError() == null ? Result.BACK_OFF : Result.SETTLED;
        }
        BatchResponse response = source.reportBatchItemFailures()
                ? BatchResponse.read(answer.payload(), ids(batch))
                : new BatchResponse.AllSucceeded();
        switch (response) {
            case BatchResponse.AllSucceeded ok -> {
                queue.delete(messages(batch, Set.of()));
                metrics.succeeded(batch.size());
                events.processed(ProcessingResults.OK);
            }
            case BatchResponse.SomeFailed some -> {
                Set<String> kept = kept(batch, some.messageIds(), fifo);
                queue.delete(messages(batch, kept));
                metrics.partiallyFailed(batch.size() - kept.size(), kept.size());
                events.processed(ProcessingResults.OK);
            }
            case BatchResponse.Invalid invalid -> {
                log.debug("Mapping {}: the whole batch failed: {}", source.uuid(), invalid.why());
                metrics.failed(batch.size());
                events.processed(ProcessingResults.FUNCTION_FAILED);
            }
        }
        return Result.SETTLED;
    }

    /**
     * The messages to leave in the queue: the ones the function named, and on a FIFO queue every
     * later message of a group after its first failed one, so a group is never processed out of
     * order even when the function reports only the message it failed on.
     */
    static Set<String> kept(List<Received> batch, Set<String> failed, boolean fifo) {
        Set<String> kept = new LinkedHashSet<>(failed);
        if (fifo) {
            Set<String> stoppedGroups = new HashSet<>();
            for (Received r : batch) {
                if (stoppedGroups.contains(r.group())) {
                    kept.add(r.messageId());
                } else if (failed.contains(r.messageId())) {
                    stoppedGroups.add(r.group());
                }
            }
        }
        return kept;
    }

    private static Set<String> ids(List<Received> batch) {
        Set<String> ids = new HashSet<>();
        batch.forEach(r -> ids.add(r.messageId()));
        return ids;
    }

    private static List<software.amazon.awssdk.services.sqs.model.Message> messages(
            List<Received> batch, Set<String> except) {
        List<software.amazon.awssdk.services.sqs.model.Message> out = new ArrayList<>();
        for (Received r : batch) {
            if (!except.contains(r.messageId())) {
                out.add(r.message());
            }
        }
        return out;
    }
}
