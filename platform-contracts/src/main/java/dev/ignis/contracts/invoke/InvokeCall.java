package dev.ignis.contracts.invoke;

import dev.ignis.contracts.arn.FunctionRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A synchronous invoke a platform caller (an async worker, a poller) makes: what the Invoke API is
 * sent, independent of the HTTP client that sends it.
 *
 * @param function the function and its qualifier, as the event addressed it
 * @param payload the event, JSON
 * @param requestId the id the function must see (an async event keeps its 202's id), or null for a new one
 * @param clientContextBase64 the caller's {@code X-Amz-Client-Context}, or null
 * @param traceId the {@code X-Amzn-Trace-Id} to propagate, or null
 */
public record InvokeCall(
        FunctionRef function, byte[] payload, String requestId, String clientContextBase64, String traceId) {

    public InvokeCall {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(payload, "payload");
    }

    public static InvokeCall of(FunctionRef function, byte[] payload) {
        return new InvokeCall(function, payload, null, null, null);
    }

    /** The key every caller places the function by on the {@code ReplicaRing}. */
    public String placementKey() {
        return function.functionName();
    }

    /** The Invoke API's path and query, relative to a replica's base URL. */
    public String pathAndQuery() {
        String path = "/2015-03-31/functions/" + encode(function.functionName()) + "/invocations";
        return function.qualifier().map(q -> path + "?Qualifier=" + encode(q)).orElse(path);
    }

    /** The request headers, the content type aside; absent values are left out. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(InvokeHeaders.INVOCATION_TYPE, "RequestResponse");
        if (requestId != null) {
            headers.put(InvokeHeaders.PLATFORM_REQUEST_ID, requestId);
        }
        if (clientContextBase64 != null) {
            headers.put(InvokeHeaders.CLIENT_CONTEXT, clientContextBase64);
        }
        if (traceId != null) {
            headers.put(InvokeHeaders.TRACE_ID, traceId);
        }
        return headers;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
