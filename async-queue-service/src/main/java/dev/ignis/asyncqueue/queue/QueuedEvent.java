package dev.ignis.asyncqueue.queue;

import dev.ignis.contracts.invocation.AsyncInvocation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.json.JsonMapper;

/** The async topic's value: an {@link AsyncInvocation} as JSON. */
public final class QueuedEvent {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QueuedEvent() {}

    public static byte[] encode(AsyncInvocation invocation) {
        return JSON.writeValueAsBytes(invocation);
    }

    public static AsyncInvocation decode(byte[] value) {
        return JSON.readValue(value, AsyncInvocation.class);
    }

    /** The event body as the function receives it. */
    public static byte[] payload(AsyncInvocation invocation) {
        return Base64.getDecoder().decode(invocation.payloadBase64());
    }

    public static String payloadText(AsyncInvocation invocation) {
        return new String(payload(invocation), StandardCharsets.UTF_8);
    }

    public static String base64(byte[] body) {
        return Base64.getEncoder().encodeToString(body);
    }
}
