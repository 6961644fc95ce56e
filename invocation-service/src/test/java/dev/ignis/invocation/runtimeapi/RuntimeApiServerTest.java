package dev.ignis.invocation.runtimeapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Runtime API's HTTP, spoken over a real socket as runtime clients speak it. */
class RuntimeApiServerTest {

    private final BlockingQueue<String> calls = new ArrayBlockingQueue<>(10);
    private RuntimeApiServer server;

    private final RuntimeApi api = new RuntimeApi() {
        @Override
        public NextEvent awaitNext() {
            return new NextEvent("req-1", 1234L, "arn:fn", "Root=1-a-b", "{\"c\":1}", null, "{\"x\":1}".getBytes());
        }

        @Override
        public Ack response(String requestId, byte[] body) {
            calls.add("response " + requestId + " " + new String(body, StandardCharsets.UTF_8));
            return requestId.equals("req-1") ? Ack.ACCEPTED : Ack.invalidRequestId(requestId);
        }

        @Override
        public Ack responseTooLarge(String requestId) {
            calls.add("too large " + requestId);
            return Ack.ACCEPTED;
        }

        @Override
        public Ack error(String requestId, String errorType, byte[] body) {
            calls.add("error " + requestId + " " + errorType);
            return Ack.ACCEPTED;
        }

        @Override
        public Ack initError(String errorType, byte[] body) {
            calls.add("init " + errorType);
            return Ack.ACCEPTED;
        }
    };

    private Socket connect() throws IOException {
        ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        server = RuntimeApiServer.start(socket, api, "test");
        return new Socket(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    @AfterEach
    void close() {
        server.close();
    }

    private static String exchange(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return readResponse(socket.getInputStream());
    }

    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(in.read());
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = Integer.parseInt(headers.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void nextCarriesTheEventAndEveryLambdaRuntimeHeader() throws Exception {
        try (Socket socket = connect()) {
            String response = exchange(socket, "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(response)
                    .startsWith("HTTP/1.1 200 OK")
                    .contains("Lambda-Runtime-Aws-Request-Id: req-1")
                    .contains("Lambda-Runtime-Deadline-Ms: 1234")
                    .contains("Lambda-Runtime-Invoked-Function-Arn: arn:fn")
                    .contains("Lambda-Runtime-Trace-Id: Root=1-a-b")
                    .contains("Lambda-Runtime-Client-Context: {\"c\":1}")
                    .doesNotContain("Lambda-Runtime-Cognito-Identity")
                    .endsWith("{\"x\":1}");
        }
    }

    @Test
    void responsesAreAcceptedOnAKeptAliveConnectionIncludingChunkedAndExpectContinue() throws Exception {
        try (Socket socket = connect()) {
            assertThat(exchange(
                            socket,
                            "POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1\r\n"
                                    + "Content-Length: 4\r\n\r\n\"ok\""))
                    .startsWith("HTTP/1.1 202 Accepted")
                    .endsWith("{\"status\":\"OK\"}");
            assertThat(exchange(
                            socket,
                            "POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1\r\n"
                                    + "Transfer-Encoding: chunked\r\n\r\n2\r\n\"c\r\n3\r\nhk\"\r\n0\r\n\r\n"))
                    .startsWith("HTTP/1.1 202");
            OutputStream out = socket.getOutputStream();
            out.write(("POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1\r\nExpect: 100-continue\r\n"
                            + "Content-Length: 2\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            assertThat(new String(in.readNBytes(25), StandardCharsets.ISO_8859_1))
                    .isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            out.write("{}".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readResponse(in)).startsWith("HTTP/1.1 202");
        }
        assertThat(calls).containsExactly("response req-1 \"ok\"", "response req-1 \"chk\"", "response req-1 {}");
    }

    @Test
    void unknownRequestIdsAndPathsGetTheRuntimeApisErrors() throws Exception {
        try (Socket socket = connect()) {
            assertThat(exchange(
                            socket,
                            "POST /2018-06-01/runtime/invocation/other/response HTTP/1.1\r\n"
                                    + "Content-Length: 2\r\n\r\n{}"))
                    .startsWith("HTTP/1.1 400")
                    .contains("\"errorType\":\"InvalidRequestID\"");
            assertThat(exchange(socket, "GET /2018-06-01/elsewhere HTTP/1.1\r\n\r\n"))
                    .startsWith("HTTP/1.1 404");
            assertThat(
                            exchange(
                                    socket,
                                    "POST /2018-06-01/runtime/invocation/req-1/error HTTP/1.1\r\n"
                                            + "Lambda-Runtime-Function-Error-Type: Runtime.Boom\r\nContent-Length: 2\r\n\r\n{}"))
                    .startsWith("HTTP/1.1 202");
            assertThat(
                            exchange(
                                    socket,
                                    "POST /2018-06-01/runtime/init/error HTTP/1.1\r\n"
                                            + "Lambda-Runtime-Function-Error-Type: Runtime.ImportModuleError\r\nContent-Length: 0\r\n\r\n"))
                    .startsWith("HTTP/1.1 202");
        }
        assertThat(calls).contains("error req-1 Runtime.Boom", "init Runtime.ImportModuleError");
    }

    @Test
    void anOversizedResponseIs413AndFailsTheInvocation() throws Exception {
        try (Socket socket = connect()) {
            String response = exchange(
                    socket,
                    "POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1\r\n" + "Content-Length: "
                            + (RuntimeApiServer.MAX_RESPONSE_BYTES + 1) + "\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 413").contains("RequestEntityTooLarge");
        }
        assertThat(calls).containsExactly("too large req-1");
    }

    @Test
    void malformedRequestsGet400AndTheServerKeepsServing() throws Exception {
        List<String> malformed = List.of(
                "GARBAGE\r\n\r\n",
                "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nno colon here\r\n\r\n",
                "POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
                "POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n",
                "POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "fffffffffffffffffff\r\n",
                "POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "zz\r\n",
                "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\n"
                        + "X-Many: 1\r\n".repeat(HttpCodec.MAX_HEADERS + 1) + "\r\n");
        connect().close();
        int port = server.port();
        for (String request : malformed) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(exchange(socket, request))
                        .as(request)
                        .startsWith("HTTP/1.1 400")
                        .contains("InvalidRequest");
            }
        }
        assertThat(calls).isEmpty();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(exchange(socket, "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\n\r\n"))
                    .startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aFunctionCannotHoldMoreThanTheConnectionLimit() throws Exception {
        List<Socket> held = new java.util.ArrayList<>();
        held.add(connect());
        int port = server.port();
        try {
            for (int i = 1; i < RuntimeApiServer.MAX_CONNECTIONS; i++) {
                held.add(new Socket(InetAddress.getLoopbackAddress(), port));
            }
            for (Socket socket : held) {
                assertThat(exchange(socket, "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\n\r\n"))
                        .startsWith("HTTP/1.1 200");
            }
            try (Socket extra = new Socket(InetAddress.getLoopbackAddress(), port)) {
                extra.setSoTimeout(5000);
                extra.getOutputStream().write("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\n\r\n".getBytes());
                assertThat(readOrReset(extra)).as("closed without an answer").isEqualTo(-1);
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static int readOrReset(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read();
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }
}
