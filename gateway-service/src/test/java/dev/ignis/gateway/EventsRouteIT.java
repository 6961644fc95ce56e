package dev.ignis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The EventBridge APIs through the gateway for real (its YAML routes, SigV4 for service
 * {@code events} and {@code scheduler}): an {@code AWSEvents.*} call and a Scheduler
 * {@code /schedules} call reach the registry, and no other backend.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, topics = "ignis.registry.changes")
class EventsRouteIT {

    static final FakeBackend registry = new FakeBackend();
    static final FakeBackend others = new FakeBackend();
    static final byte[] LIST_RULES = "{\"NamePrefix\":\"nightly\"}".getBytes(StandardCharsets.UTF_8);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        TestWiring.servicesAt(properties, "http://127.0.0.1:" + others.port());
        properties.add("ignis.services.function-registry", () -> "http://127.0.0.1:" + registry.port());
    }

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void forget() {
        registry.received.clear();
        others.received.clear();
    }

    @AfterAll
    static void stopBackends() {
        registry.stop();
        others.stop();
    }

    @Test
    void anEventsCallSignedForEventsReachesTheRegistryUnchanged() throws Exception {
        HttpResponse<String> response = send(signed("events", "AWSEvents.ListRules"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(registry.received).hasSize(1);
        FakeBackend.Received received = registry.received.getFirst();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/");
        assertThat(received.header("X-Amz-Target")).isEqualTo("AWSEvents.ListRules");
        assertThat(received.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(received.body()).isEqualTo(LIST_RULES);
        assertThat(others.received).isEmpty();
    }

    @Test
    void anEventsCallSignedForLambdaIsRefusedWithTheServiceItShouldName() throws Exception {
        HttpResponse<String> response = send(signed("lambda", "AWSEvents.ListRules"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
        assertThat(response.body()).contains("Credential should be scoped to correct service: 'events'.");
        assertThat(registry.received).isEmpty();
    }

    @Test
    void aLambdaCallSignedForEventsIsRefused() throws Exception {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(URI.create("http://localhost:" + port + "/2015-03-31/functions/"))
                .build();
        HttpResponse<String> response = send(sign(request, new byte[0], "events"), HttpRequest.BodyPublishers.noBody());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Credential should be scoped to correct service: 'lambda'.");
        assertThat(registry.received).isEmpty();
    }

    @Test
    void aSchedulerCallSignedForSchedulerReachesTheRegistryUnchanged() throws Exception {
        byte[] body = "{\"ScheduleExpression\":\"rate(1 hour)\"}".getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest create = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("http://localhost:" + port + "/schedules/nightly"))
                .putHeader("Content-Type", "application/json")
                .contentStreamProvider(ContentStreamProvider.fromByteArray(body))
                .build();
        HttpResponse<String> created =
                send(sign(create, body, "scheduler"), HttpRequest.BodyPublishers.ofByteArray(body));
        SdkHttpFullRequest list = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(URI.create("http://localhost:" + port + "/schedules?NamePrefix=night"))
                .build();
        HttpResponse<String> listed = send(sign(list, new byte[0], "scheduler"), HttpRequest.BodyPublishers.noBody());

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(registry.received).hasSize(2);
        assertThat(registry.received.get(0).method()).isEqualTo("POST");
        assertThat(registry.received.get(0).path()).isEqualTo("/schedules/nightly");
        assertThat(registry.received.get(0).body()).isEqualTo(body);
        assertThat(registry.received.get(1).method()).isEqualTo("GET");
        assertThat(registry.received.get(1).path()).startsWith("/schedules");
        assertThat(others.received).isEmpty();
    }

    @Test
    void aSchedulerCallSignedForLambdaIsRefusedWithTheServiceItShouldName() throws Exception {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(URI.create("http://localhost:" + port + "/schedules/nightly"))
                .build();
        HttpResponse<String> response = send(sign(request, new byte[0], "lambda"), HttpRequest.BodyPublishers.noBody());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
        assertThat(response.body()).contains("Credential should be scoped to correct service: 'scheduler'.");
        assertThat(registry.received).isEmpty();
    }

    private SdkHttpRequest signed(String service, String target) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("http://localhost:" + port + "/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", target)
                .contentStreamProvider(ContentStreamProvider.fromByteArray(LIST_RULES))
                .build();
        return sign(request, LIST_RULES, service);
    }

    private static SdkHttpRequest sign(SdkHttpFullRequest request, byte[] body, String service) {
        return AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create("test", "test"))
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
                .request();
    }

    private HttpResponse<String> send(SdkHttpRequest signed) throws Exception {
        return send(signed, HttpRequest.BodyPublishers.ofByteArray(LIST_RULES));
    }

    private HttpResponse<String> send(SdkHttpRequest signed, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(signed.getUri()).method(signed.method().name(), body);
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
