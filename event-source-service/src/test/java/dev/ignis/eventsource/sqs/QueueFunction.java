package dev.ignis.eventsource.sqs;

import dev.ignis.contracts.invoke.InvokeAnswer;
import dev.ignis.contracts.invoke.InvokeCall;
import dev.ignis.contracts.invoke.InvokeHeaders;
import dev.ignis.eventsource.invoke.FunctionInvoker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A function as the SQS pollers see it through their invoke port: it keeps every event, counts the
 * invokes running at once (overall and per FIFO message group) and answers as {@code answer} says.
 */
final class QueueFunction implements FunctionInvoker {

    /** What the function answers: a success with this payload, or a handler error. */
    record Reply(boolean error, String payload) {

        static Reply ok() {
            return new Reply(false, "null");
        }

        static Reply ok(String payload) {
            return new Reply(false, payload);
        }

        static Reply failure() {
            return new Reply(true, "{\"errorType\":\"Error\",\"errorMessage\":\"no\"}");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    final List<JsonNode> succeeded = new CopyOnWriteArrayList<>();
    volatile Function<JsonNode, Reply> answer = event -> Reply.ok();
    volatile Duration busyFor = Duration.ZERO;
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final Set<String> groupsInFlight = ConcurrentHashMap.newKeySet();
    final AtomicInteger groupOverlaps = new AtomicInteger();

    @Override
    public InvokeAnswer invoke(InvokeCall call) {
        JsonNode event = JSON.readTree(call.payload());
        events.add(event);
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        List<String> groups = new ArrayList<>();
        for (JsonNode r : event.path("Records")) {
            JsonNode attributes = r.path("attributes");
            String group = attributes.has("MessageGroupId")
                    ? attributes.path("MessageGroupId").asString()
                    : null;
            if (group != null && !groups.contains(group)) {
                groups.add(group);
                if (!groupsInFlight.add(group)) {
                    groupOverlaps.incrementAndGet();
                }
            }
        }
        try {
            Thread.sleep(busyFor);
            Reply reply = answer.apply(event);
            if (reply.error()) {
                return InvokeAnswer.read(
                        200,
                        name -> name.equals(InvokeHeaders.FUNCTION_ERROR) ? "Unhandled" : null,
                        reply.payload().getBytes(StandardCharsets.UTF_8),
                        body -> "Error");
            }
            succeeded.add(event);
            return InvokeAnswer.read(200, name -> null, reply.payload().getBytes(StandardCharsets.UTF_8), body -> null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            groups.forEach(groupsInFlight::remove);
            running.decrementAndGet();
        }
    }

    /** Every record the function was given, in the order of the invokes. */
    List<JsonNode> records() {
        List<JsonNode> records = new ArrayList<>();
        events.forEach(e -> e.path("Records").forEach(records::add));
        return records;
    }

    List<String> bodies() {
        return records().stream().map(r -> r.path("body").asString()).toList();
    }

    /** Waits until the function was given {@code count} records, or fails after 30 s. */
    void awaitRecords(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (records().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Given " + records().size() + " of " + count + " records: " + bodies());
            }
            SqsPollerIT.pause();
        }
    }
}
