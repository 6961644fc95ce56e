package dev.ignis.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP server in invocation-service's place whose "function" the test programs: it gets
 * the event the gateway built and answers like the invoke API (200 plus the result, or a function
 * error, or a service error).
 */
public final class FunctionBackend implements AutoCloseable {

    /** The invoke API's answer: status, extra headers, body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public static Answer result(String json) {
            return new Answer(200, Map.of(), json.getBytes(StandardCharsets.UTF_8));
        }
    }

    public final AtomicInteger invocations = new AtomicInteger();
    public volatile String lastPath;
    public volatile byte[] lastEvent;
    public volatile Function<byte[], Answer> function = event -> new Answer(200, Map.of(), event);
    private final HttpServer server;

    public FunctionBackend() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] event = exchange.getRequestBody().readAllBytes();
        invocations.incrementAndGet();
        lastPath = exchange.getRequestURI().getRawPath();
        lastEvent = event;
        Answer answer = function.apply(event);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (var out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
