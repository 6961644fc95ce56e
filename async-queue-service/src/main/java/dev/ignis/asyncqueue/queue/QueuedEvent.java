package dev.ignis.asyncqueue.queue;

import dev.ignis.contracts.invocation.AsyncInvocation;
import tools.jackson.databind.json.JsonMapper;

/** The async topic's value: an {@link AsyncInvocation} as JSON, its payload embedded raw ({@link AsyncInvocationJson}). */
public final class QueuedEvent {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(AsyncInvocation.class, AsyncInvocationJson.class)
            .build();

    private QueuedEvent() {}

    public static byte[] encode(AsyncInvocation invocation) {
        return JSON.writeValueAsBytes(invocation);
    }

    public static AsyncInvocation decode(byte[] value) {
        return JSON.readValue(value, AsyncInvocation.class);
    }
}
