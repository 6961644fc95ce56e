package dev.ignis.eventsource.sqs;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a successful function answer says about its batch when the mapping has {@code
 * FunctionResponseTypes: ReportBatchItemFailures}, by AWS's documented rules: no answer, {@code
 * null}, an object without {@code batchItemFailures}, or an empty or null list means every message
 * succeeded; a list of {@code {"itemIdentifier": <messageId>}} names the failed ones; anything else —
 * not JSON, not an object, an entry whose identifier is missing, null, empty or not in the batch —
 * fails the whole batch.
 */
sealed interface BatchResponse {

    JsonMapper JSON = JsonMapper.builder().build();

    /** Every message succeeded: all are deleted. */
    record AllSucceeded() implements BatchResponse {}

    /** The function named these messages as failed: the others are deleted. */
    record SomeFailed(Set<String> messageIds) implements BatchResponse {}

    /** The answer could not be read as a batch response: nothing is deleted. */
    record Invalid(String why) implements BatchResponse {}

    static BatchResponse read(byte[] payload, Set<String> batch) {
        String text = payload == null ? "" : new String(payload, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return new AllSucceeded();
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(text);
        } catch (JacksonException e) {
            return new Invalid("the answer is not JSON");
        }
        if (answer == null || answer.isNull() || answer.isMissingNode()) {
            return new AllSucceeded();
        }
        if (!answer.isObject()) {
            return new Invalid("the answer is not a JSON object");
        }
        JsonNode failures = answer.get("batchItemFailures");
        if (failures == null || failures.isNull() || (failures.isArray() && failures.isEmpty())) {
            return new AllSucceeded();
        }
        if (!failures.isArray()) {
            return new Invalid("batchItemFailures is not a list");
        }
        Set<String> failed = new LinkedHashSet<>();
        for (JsonNode item : failures) {
            JsonNode id = item.isObject() ? item.get("itemIdentifier") : null;
            if (id == null || !id.isString() || id.asString().isEmpty()) {
                return new Invalid("an entry of batchItemFailures has no itemIdentifier");
            }
            if (!batch.contains(id.asString())) {
                return new Invalid("itemIdentifier " + id.asString() + " is not a message of the batch");
            }
            failed.add(id.asString());
        }
        return new SomeFailed(Set.copyOf(failed));
    }
}
