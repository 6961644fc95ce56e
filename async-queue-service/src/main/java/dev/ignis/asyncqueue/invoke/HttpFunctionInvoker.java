package dev.ignis.asyncqueue.invoke;

import dev.ignis.asyncqueue.queue.QueuedEvent;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.error.Retriability;
import dev.ignis.contracts.invocation.AsyncInvocation;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invokes through invocation-service's Invoke API ({@code RequestResponse}), passing the event's
 * request id in {@link #REQUEST_ID_HEADER}. Service errors come back with their
 * {@code x-amzn-ErrorType}, read against the {@link LambdaErrorType} catalogue.
 */
public final class HttpFunctionInvoker implements FunctionInvoker {

    /** The internal header invocation-service takes a request id from; the gateway strips it from callers. */
    public static final String REQUEST_ID_HEADER = "X-Ignis-Request-Id";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI invocationUrl;
    private final Duration timeout;

    public HttpFunctionInvoker(HttpClient http, URI invocationUrl, Duration timeout) {
        this.http = http;
        this.invocationUrl = invocationUrl;
        this.timeout = timeout;
    }

    @Override
    public InvokeOutcome invoke(AsyncInvocation invocation) {
        HttpRequest.Builder request = HttpRequest.newBuilder(invocationUrl.resolve("/2015-03-31/functions/"
                        + URLEncoder.encode(invocation.functionArn(), StandardCharsets.UTF_8) + "/invocations"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Amz-Invocation-Type", "RequestResponse")
                .header(REQUEST_ID_HEADER, invocation.requestId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(QueuedEvent.payload(invocation)));
        if (invocation.clientContextBase64() != null) {
            request.header("X-Amz-Client-Context", invocation.clientContextBase64());
        }
        if (invocation.traceId() != null) {
            request.header("X-Amzn-Trace-Id", invocation.traceId());
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return outcome(response);
        } catch (IOException e) {
            return InvokeOutcome.Refused.of(LambdaErrorType.SERVICE_UNAVAILABLE, "invocation-service: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return InvokeOutcome.Refused.of(LambdaErrorType.SERVICE_UNAVAILABLE, "interrupted");
        }
    }

    private static InvokeOutcome outcome(HttpResponse<byte[]> response) {
        if (response.statusCode() == 200) {
            return new InvokeOutcome.Ran(
                    response.headers().firstValue("X-Amz-Executed-Version").orElse("$LATEST"),
                    response.body(),
                    response.headers().firstValue("X-Amz-Function-Error").orElse(null));
        }
        String code = response.headers().firstValue("x-amzn-ErrorType").orElse("ServiceException");
        Retriability retriability = LambdaErrorType.fromCode(code)
                .map(LambdaErrorType::retriability)
                .orElse(response.statusCode() >= 500 ? Retriability.TRANSIENT : Retriability.PERMANENT);
        return new InvokeOutcome.Refused(response.statusCode(), code, message(response.body()), retriability);
    }

    private static String message(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.path("message").asString(node.path("Message").asString(""));
        } catch (RuntimeException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
