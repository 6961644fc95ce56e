package dev.ignis.invocation.runtimeapi;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One execution environment's Runtime API endpoint (the {@code AWS_LAMBDA_RUNTIME_API} address),
 * served on a loopback port of its own so that unmodified runtime clients, which take only a
 * {@code host:port}, reach exactly their environment. Every connection runs on a virtual thread.
 */
public final class RuntimeApiServer implements AutoCloseable {

    /** Sync responses up to this size are accepted (AWS: 6,291,556 bytes). */
    public static final int MAX_RESPONSE_BYTES = 6_291_556;

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String INVOCATION = PREFIX + "invocation/";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    /**
     * Connections one environment may hold open at once. Runtime clients use one or two; the rest
     * are closed on accept, so a function cannot exhaust the service's threads or descriptors.
     */
    static final int MAX_CONNECTIONS = 16;

    private final ServerSocket socket;
    private final RuntimeApi api;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    private RuntimeApiServer(ServerSocket socket, RuntimeApi api) {
        this.socket = socket;
        this.api = api;
    }

    /** Starts serving {@code api} on an already bound socket. */
    public static RuntimeApiServer start(ServerSocket socket, RuntimeApi api, String name) {
        RuntimeApiServer server = new RuntimeApiServer(socket, api);
        Thread.ofVirtual().name("runtime-api-" + name).start(server::acceptLoop);
        return server;
    }

    /** The host loopback port it listens on. */
    public int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                if (connections.size() >= MAX_CONNECTIONS) {
                    connection.close();
                    continue;
                }
                connection.setTcpNoDelay(true);
                connections.add(connection);
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket connection) {
        try (connection;
                InputStream in = new BufferedInputStream(connection.getInputStream(), 16 * 1024);
                OutputStream out = new BufferedOutputStream(connection.getOutputStream(), 16 * 1024)) {
            while (true) {
                HttpMessage request;
                try {
                    request = HttpCodec.read(in, out, MAX_RESPONSE_BYTES);
                } catch (HttpCodec.BadRequestException e) {
                    badRequest(out, e.getMessage());
                    return; // the framing is lost: the connection ends
                }
                if (request == null) {
                    return;
                }
                if (request.bodyOverLimit()) {
                    tooLarge(request, out);
                    return; // the unread body makes the connection unusable
                }
                dispatch(request, out);
            }
        } catch (IOException e) {
            // peer went away, or the environment is shutting down: nothing to answer to
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.remove(connection);
        }
    }

    private void tooLarge(HttpMessage request, OutputStream out) throws IOException {
        String path = request.path();
        if (path.startsWith(INVOCATION) && path.endsWith("/response")) {
            api.responseTooLarge(path.substring(INVOCATION.length(), path.length() - "/response".length()));
        }
        ackTo(
                out,
                new RuntimeApi.Ack(
                        413,
                        "RequestEntityTooLarge",
                        "Exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes)."));
    }

    private void dispatch(HttpMessage request, OutputStream out) throws IOException, InterruptedException {
        String path = request.path();
        if (request.method().equals("GET") && path.equals(INVOCATION + "next")) {
            next(out);
            return;
        }
        if (!request.method().equals("POST")) {
            notFound(out);
            return;
        }
        if (path.equals(PREFIX + "init/error")) {
            ackTo(out, api.initError(request.header("lambda-runtime-function-error-type"), request.body()));
        } else if (path.startsWith(INVOCATION) && path.endsWith("/response")) {
            String id = path.substring(INVOCATION.length(), path.length() - "/response".length());
            ackTo(out, api.response(id, request.body()));
        } else if (path.startsWith(INVOCATION) && path.endsWith("/error")) {
            String id = path.substring(INVOCATION.length(), path.length() - "/error".length());
            ackTo(out, api.error(id, request.header("lambda-runtime-function-error-type"), request.body()));
        } else {
            notFound(out);
        }
    }

    private void next(OutputStream out) throws IOException, InterruptedException {
        RuntimeApi.NextEvent event = api.awaitNext();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Lambda-Runtime-Aws-Request-Id", event.requestId());
        headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(event.deadlineEpochMs()));
        headers.put("Lambda-Runtime-Invoked-Function-Arn", event.invokedFunctionArn());
        headers.put("Lambda-Runtime-Trace-Id", event.traceId());
        if (event.clientContext() != null) {
            headers.put("Lambda-Runtime-Client-Context", event.clientContext());
        }
        if (event.cognitoIdentity() != null) {
            headers.put("Lambda-Runtime-Cognito-Identity", event.cognitoIdentity());
        }
        HttpCodec.write(out, 200, headers, event.payload());
    }

    private static void ackTo(OutputStream out, RuntimeApi.Ack ack) throws IOException {
        String body = ack.status() == 202
                ? "{\"status\":\"OK\"}"
                : "{\"errorMessage\":\"" + escape(ack.errorMessage()) + "\",\"errorType\":\"" + ack.errorType() + "\"}";
        HttpCodec.write(out, ack.status(), JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void badRequest(OutputStream out, String reason) throws IOException {
        HttpCodec.write(
                out,
                400,
                JSON,
                ("{\"errorMessage\":\"" + escape(reason) + "\",\"errorType\":\"InvalidRequest\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static void notFound(OutputStream out) throws IOException {
        HttpCodec.write(
                out,
                404,
                JSON,
                "{\"errorMessage\":\"Unknown Runtime API path\",\"errorType\":\"InvalidRequest\"}"
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
