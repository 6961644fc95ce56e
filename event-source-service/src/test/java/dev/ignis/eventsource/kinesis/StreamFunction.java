package dev.ignis.eventsource.kinesis;

import dev.ignis.contracts.invoke.InvokeAnswer;
import dev.ignis.contracts.invoke.InvokeCall;
import dev.ignis.contracts.invoke.InvokeHeaders;
import dev.ignis.eventsource.invoke.FunctionInvoker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A function as Kinesis pollers see it through their invoke port: it keeps every event, fails a
 * batch while {@code failWhile} says so (a handler error, as Lambda answers it), and may answer a
 * partial batch response ({@code batchItemFailures}) chosen by {@code partial}.
 */
final class StreamFunction implements FunctionInvoker {

    /** One delivered record. */
    record Delivered(String shardId, String sequenceNumber, String partitionKey, String data) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    /** The mapping invoking this function, once a test started it. */
    volatile String mappingUuid;

    final List<List<Delivered>> succeeded = new CopyOnWriteArrayList<>();
    final List<List<Delivered>> failed = new CopyOnWriteArrayList<>();
    volatile Predicate<List<Delivered>> failWhile = batch -> false;
    /** The sequence numbers to answer as {@code batchItemFailures}; empty for a plain success. */
    volatile Function<List<Delivered>, List<String>> partial = batch -> List.of();

    @Override
    public InvokeAnswer invoke(InvokeCall call) {
        JsonNode e = JSON.readTree(call.payload());
        events.add(e);
        List<Delivered> batch = new ArrayList<>();
        for (JsonNode r : e.path("Records")) {
            JsonNode k = r.path("kinesis");
            batch.add(new Delivered(
                    r.path("eventID").asString().split(":")[0],
                    k.path("sequenceNumber").asString(),
                    k.path("partitionKey").asString(),
                    new String(Base64.getDecoder().decode(k.path("data").asString()), StandardCharsets.UTF_8)));
        }
        if (failWhile.test(batch)) {
            failed.add(batch);
            return InvokeAnswer.read(
                    200,
                    name -> switch (name) {
                        case InvokeHeaders.FUNCTION_ERROR -> "Unhandled";
                        case InvokeHeaders.EXECUTED_VERSION -> "$LATEST";
                        default -> null;
                    },
                    "{\"errorType\":\"Error\",\"errorMessage\":\"no\"}".getBytes(StandardCharsets.UTF_8),
                    body -> "Error");
        }
        List<String> failures = partial.apply(batch);
        if (!failures.isEmpty()) {
            failed.add(batch);
            StringBuilder body = new StringBuilder("{\"batchItemFailures\":[");
            for (int i = 0; i < failures.size(); i++) {
                body.append(i > 0 ? "," : "")
                        .append("{\"itemIdentifier\":\"")
                        .append(failures.get(i))
                        .append("\"}");
            }
            body.append("]}");
            return InvokeAnswer.read(200, name -> null, body.toString().getBytes(StandardCharsets.UTF_8), b -> null);
        }
        succeeded.add(batch);
        return InvokeAnswer.read(200, name -> null, "null".getBytes(StandardCharsets.UTF_8), body -> null);
    }

    List<Delivered> delivered() {
        return succeeded.stream().flatMap(List::stream).toList();
    }

    List<String> data() {
        return delivered().stream().map(Delivered::data).toList();
    }

    void awaitDelivered(int count) {
        await(
                () -> delivered().size() >= count,
                () -> "Delivered " + delivered().size() + " of " + count);
    }

    static void await(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what.get());
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }
}
