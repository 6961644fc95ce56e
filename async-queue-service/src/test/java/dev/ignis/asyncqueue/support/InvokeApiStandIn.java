package dev.ignis.asyncqueue.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * A real HTTP server in invocation-service's place, speaking its Invoke API: each function's
 * answers are programmed by the test per call number (a result, a function error, a throttle),
 * and every call is recorded with the request id and event it carried.
 */
public final class InvokeApiStandIn implements AutoCloseable {

    /** One call as the stand-in received it. */
    public record Call(String functionArn, String requestId, String event) {}

    /** The Invoke API's answer: status, headers, body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static Answer result(String json) {
            return new Answer(200, Map.of("X-Amz-Executed-Version", "$LATEST"), json);
        }

        public static Answer functionError(String message) {
            return new Answer(
                    200,
                    Map.of("X-Amz-Executed-Version", "$LATEST", "X-Amz-Function-Error", "Unhandled"),
                    "{\"errorMessage\":\"" + message + "\",\"errorType\":\"Exception\",\"stackTrace\":[]}");
        }

        public static Answer throttled() {
            return new Answer(
                    429,
                    Map.of("x-amzn-ErrorType", "TooManyRequestsException"),
                    "{\"Reason\":\"ConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}");
        }
    }

    private static final String FUNCTION_PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:";

    private final HttpServer server;
    private final Map<String, IntFunction<Answer>> functions = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public InvokeApiStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/2015-03-31/functions/", this::answer);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How {@code functionArn} answers its n-th call (1-based). */
    public void program(String functionArn, IntFunction<Answer> answers) {
        functions.put(functionArn, answers);
    }

    public List<Call> callsOf(String functionArn) {
        return calls.stream().filter(c -> c.functionArn().equals(functionArn)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String name = URLDecoder.decode(
                path.substring("/2015-03-31/functions/".length(), path.length() - "/invocations".length()),
                StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        String arn = FUNCTION_PREFIX
                + name
                + (query != null && query.startsWith("Qualifier=")
                        ? ":" + URLDecoder.decode(query.substring("Qualifier=".length()), StandardCharsets.UTF_8)
                        : "");
        String event = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer answer;
        synchronized (this) {
            calls.add(new Call(arn, exchange.getRequestHeaders().getFirst("X-Ignis-Request-Id"), event));
            int n = callsOf(arn).size();
            answer = functions.getOrDefault(arn, i -> Answer.result("null")).apply(n);
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        answer.headers()
                .forEach((header, value) -> exchange.getResponseHeaders().set(header, value));
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
