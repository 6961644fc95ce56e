package dev.ignis.eventsource.schedule;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.ignis.contracts.invocation.AsyncInvocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@link AsyncInvocation} as async-queue-service's workers read it from their topic: the
 * contract record's fields, its JSON payload embedded as the value it is (as the ingest writes it).
 */
final class QueuedInvocations {

    abstract static class RawPayload {
        @JsonRawValue
        abstract String payload();
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(AsyncInvocation.class, RawPayload.class)
            .build();

    private QueuedInvocations() {}

    static byte[] encode(AsyncInvocation invocation) {
        return JSON.writeValueAsBytes(invocation);
    }
}
