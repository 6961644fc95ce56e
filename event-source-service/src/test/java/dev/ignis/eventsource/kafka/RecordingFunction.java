package dev.ignis.eventsource.kafka;

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
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A function as the pollers see it through their invoke port: it keeps every event it was given
 * and fails a batch while {@code failWhile} says so (a handler error, answered as Lambda answers it).
 */
public final class RecordingFunction implements FunctionInvoker {

    /** One delivered record: where it came from and its decoded value. */
    record Delivered(int partition, long offset, String value) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    final List<List<Delivered>> succeeded = new CopyOnWriteArrayList<>();
    final List<List<Delivered>> failed = new CopyOnWriteArrayList<>();
    volatile Predicate<List<Delivered>> failWhile = batch -> false;

    @Override
    public InvokeAnswer invoke(InvokeCall call) {
        JsonNode e = JSON.readTree(call.payload());
        events.add(e);
        List<Delivered> batch = new ArrayList<>();
        for (JsonNode records : e.path("records")) {
            for (JsonNode r : records) {
                batch.add(new Delivered(
                        r.path("partition").asInt(),
                        r.path("offset").asLong(),
                        new String(Base64.getDecoder().decode(r.path("value").asString()), StandardCharsets.UTF_8)));
            }
        }
        if (failWhile.test(batch)) {
            failed.add(batch);
            return InvokeAnswer.read(
                    200,
                    name -> name.equals(InvokeHeaders.FUNCTION_ERROR) ? "Unhandled" : null,
                    "{\"errorType\":\"Error\",\"errorMessage\":\"no\"}".getBytes(StandardCharsets.UTF_8),
                    body -> "Error");
        }
        succeeded.add(batch);
        return InvokeAnswer.read(200, name -> null, "null".getBytes(StandardCharsets.UTF_8), body -> null);
    }

    List<Delivered> delivered() {
        return succeeded.stream().flatMap(List::stream).toList();
    }

    List<String> values() {
        return delivered().stream().map(Delivered::value).toList();
    }

    /** Waits until {@code count} records were delivered with success, or fails after 30 s. */
    void awaitDelivered(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (delivered().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Delivered " + delivered().size() + " of " + count + " records");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }
}
