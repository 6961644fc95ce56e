package dev.ignis.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.gateway.TestWiring;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway for real, with real HTTP servers as backends that serve their OpenAPI documents (the
 * registry and async-queue answer, invocation-service has none: 404, event-source is down): one
 * merged document of the paths the gateway forwards, for signed callers only (the door has no exemption
 * but health), fetched from the backends with the internal credential, and Swagger UI pointed at it. e2e-tests' StackIT checks the same
 * document against the real services and every route the gateway forwards.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ignis.gateway.api-docs.cache-for=0s")
@EmbeddedKafka(partitions = 1, topics = "ignis.registry.changes")
class ApiDocsIT {

    static final AtomicInteger registryCalls = new AtomicInteger();
    static final AtomicReference<String> registryCredential = new AtomicReference<>();
    static final HttpServer registry = serve(
            "{\"openapi\":\"3.1.0\",\"paths\":{\"/2015-03-31/functions\":{\"get\":{\"operationId\":\"ListFunctions\"}}},"
                    + "\"components\":{\"schemas\":{\"FunctionConfiguration\":{\"type\":\"object\"}}}}",
            registryCalls);
    static final HttpServer asyncQueue = serve(
            "{\"openapi\":\"3.1.0\",\"paths\":{\"/ignis/v1/async/status\":{\"get\":{\"operationId\":\"Status\"}},"
                    + "\"/2015-03-31/functions/{FunctionName}/invocations\":{\"post\":{\"operationId\":\"QueueEvent\"}}}}",
            new AtomicInteger());
    static final HttpServer invocation = serve(null, new AtomicInteger());
    static final int closedPort = closedPort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        TestWiring.servicesAt(properties, "http://127.0.0.1:" + closedPort);
        properties.add("ignis.services.function-registry", () -> url(registry));
        properties.add("ignis.services.async-queue", () -> url(asyncQueue));
        properties.add("ignis.services.invocation", () -> url(invocation));
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void stopBackends() {
        registry.stop(0);
        asyncQueue.stop(0);
        invocation.stop(0);
    }

    @Test
    void servesOneDocumentOfTheGatewayAndEveryServiceThatAnswers() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode doc = json.readTree(response.body());
        assertThat(doc.path("info").path("title").asString()).isEqualTo("Ignis");
        assertThat(doc.path("paths").propertyNames())
                .contains(
                        "/2015-03-31/functions",
                        "/2015-03-31/functions/{FunctionName}/invocations",
                        "/lambda-url/{UrlId}/{Path}")
                .as("no route forwards it")
                .doesNotContain("/ignis/v1/async/status");
        assertThat(doc.at("/paths/~12015-03-31~1functions~1{FunctionName}~1invocations/post/operationId")
                        .asString())
                .as("the gateway's own description of Invoke comes first")
                .isEqualTo("Invoke");
        assertThat(doc.path("x-ignis-conflicts").valueStream().map(JsonNode::asString))
                .containsExactly("async-queue-service: post /2015-03-31/functions/{FunctionName}/invocations");
        assertThat(doc.path("components").path("schemas").propertyNames())
                .contains("FunctionConfiguration", "AwsError");
        assertThat(doc.path("x-ignis-unavailable").propertyNames())
                .containsExactlyInAnyOrder("invocation-service", "event-source-service");
    }

    @Test
    void asksTheServicesAgainWhileOneIsMissing() throws Exception {
        int before = registryCalls.get();

        get("/v3/api-docs");
        get("/v3/api-docs");

        assertThat(registryCalls.get() - before).isEqualTo(2);
    }

    @Test
    void swaggerUiShowsTheMergedDocument() throws Exception {
        HttpResponse<String> config = get("/v3/api-docs/gateway/swagger-config");

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(json.readTree(config.body()).path("url").asString()).isEqualTo("/v3/api-docs");
        assertThat(get("/swagger-ui.html").statusCode()).isIn(200, 302);
    }

    @Test
    void theDocumentIsNotAnExemptionFromSigning() throws Exception {
        HttpResponse<String> unsigned = http.send(
                HttpRequest.newBuilder(gateway("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    }

    @Test
    void theBackendsAreAskedWithTheInternalCredential() throws Exception {
        get("/v3/api-docs");

        assertThat(registryCredential.get()).isNotBlank();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        SdkHttpRequest signed = TestWiring.sign(
                SdkHttpFullRequest.builder()
                        .method(SdkHttpMethod.GET)
                        .uri(gateway(path))
                        .build(),
                new byte[0],
                "test");
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway(path));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI gateway(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A backend whose /v3/api-docs answers {@code document}, or 404 when it is null. */
    private static HttpServer serve(String document, AtomicInteger calls) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            server.createContext("/v3/api-docs", exchange -> {
                calls.incrementAndGet();
                if (calls == registryCalls) {
                    registryCredential.set(exchange.getRequestHeaders().getFirst(InternalCredential.HEADER));
                }
                byte[] body = document == null ? new byte[0] : document.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(document == null ? 404 : 200, document == null ? -1 : body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
