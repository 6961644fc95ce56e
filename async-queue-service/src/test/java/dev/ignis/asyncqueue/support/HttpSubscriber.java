package dev.ignis.asyncqueue.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP endpoint subscribed to an SNS topic: records every notification POSTed to it. */
public final class HttpSubscriber implements AutoCloseable {

    /** One POST: its {@code x-amz-sns-*} headers and body. */
    public record Delivery(Map<String, String> snsHeaders, String body) {}

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    public HttpSubscriber() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            deliveries.add(new Delivery(
                    Map.of(
                            "x-amz-sns-message-type",
                            exchange.getRequestHeaders().getFirst("x-amz-sns-message-type"),
                            "x-amz-sns-topic-arn",
                            exchange.getRequestHeaders().getFirst("x-amz-sns-topic-arn")),
                    body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
