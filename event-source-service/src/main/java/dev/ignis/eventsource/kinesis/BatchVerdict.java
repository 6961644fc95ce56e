package dev.ignis.eventsource.kinesis;

import dev.ignis.contracts.invoke.InvokeAnswer;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a batch went, read from the function's answer as Lambda reads it for streams. With
 * {@code ReportBatchItemFailures}, a successful answer naming {@code batchItemFailures} fails the
 * batch from the lowest sequence number named: the records before it count as processed. An
 * answer naming a record that is not in the batch, or none at all ({@code null} or empty
 * {@code itemIdentifier}), fails the whole batch; an empty list or any other answer is a success.
 */
sealed interface BatchVerdict {

    JsonMapper JSON = JsonMapper.builder().build();

    /** Every record succeeded. */
    record Succeeded() implements BatchVerdict {}

    /** The records from {@code firstFailed} on (an index into the batch) go again; those before it succeeded. */
    record PartlyFailed(int firstFailed) implements BatchVerdict {}

    /** The whole batch goes again; {@code functionError} when the function itself failed (not a throttle). */
    record Failed(boolean functionError) implements BatchVerdict {}

    static BatchVerdict of(InvokeAnswer answer, List<StreamRecord> batch, boolean reportBatchItemFailures) {
        if (!answer.succeeded()) {
            return new Failed(answer.functionError() != null);
        }
        if (!reportBatchItemFailures) {
            return new Succeeded();
        }
        JsonNode failures;
        try {
            failures = JSON.readTree(answer.payload()).path("batchItemFailures");
        } catch (JacksonException e) {
            return new Succeeded();
        }
        if (!failures.isArray() || failures.isEmpty()) {
            return new Succeeded();
        }
        int first = Integer.MAX_VALUE;
        for (JsonNode failure : failures) {
            JsonNode id = failure.path("itemIdentifier");
            int index = id.isString() ? indexOf(batch, id.asString()) : -1;
            if (index < 0) {
                return new Failed(false);
            }
            first = Math.min(first, index);
        }
        return new PartlyFailed(first);
    }

    private static int indexOf(List<StreamRecord> batch, String sequenceNumber) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }
}
