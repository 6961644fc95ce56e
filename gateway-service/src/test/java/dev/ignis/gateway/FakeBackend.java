package dev.ignis.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for function-registry-service and invocation-service: it answers
 * the few Lambda API calls the gateway tests make, remembers what reached it, and can be stopped and
 * started again on the same port to play a backend that goes down and comes back.
 */
final class FakeBackend {

    /** What the gateway forwarded: method, raw path, headers and body. */
    record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final int port;
    private HttpServer server;

    FakeBackend() {
        this.port = start(0);
    }

    int port() {
        return port;
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    synchronized void restart() {
        if (server == null) {
            start(port);
        }
    }

    private int start(int wanted) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "backend-request-id");
        if (path.endsWith("/invocations")) {
            exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
            send(exchange, 200, body);
        } else if (path.endsWith("/functions/slow")) {
            sleep();
            send(exchange, 200, "{}".getBytes(StandardCharsets.UTF_8));
        } else {
            send(exchange, 200, "{\"Functions\":[]}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
