package dev.ignis.gateway.url;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.FunctionUrlSnapshot;
import dev.ignis.contracts.registry.PolicySnapshot;
import dev.ignis.contracts.registry.RegistryChange;
import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.gateway.FunctionBackend;
import dev.ignis.gateway.RawHttp;
import dev.ignis.gateway.TestWiring;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
 * Function URLs through the real gateway: URL configs and policies arrive as registry changes on a
 * real Kafka broker, requests come over raw HTTP in both URL forms, and a real HTTP server in
 * invocation-service's place plays the function, so every event and answer can be inspected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, topics = "ignis.registry.changes")
class FunctionUrlIT {

    static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";
    static final String PUBLIC_ID = "pub0000000000000000000000000000a";
    static final String IAM_ID = "iam0000000000000000000000000000b";
    static final String LOCKED_ID = "lck0000000000000000000000000000c";
    static final String UNCONDITIONED_ID = "unc0000000000000000000000000000d";
    static final String ORIGIN = "https://app.example.com";

    static final FunctionBackend function = new FunctionBackend();
    static final JsonMapper json = JsonMapper.builder().build();
    static final AtomicLong sequence = new AtomicLong();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWiring.servicesAt(registry, "http://127.0.0.1:" + function.port());
    }

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void publishUrls() throws Exception {
        if (sequence.get() > 0) {
            function.function = event -> new FunctionBackend.Answer(200, Map.of(), event);
            return;
        }
        FunctionUrlSnapshot.Cors cors = new FunctionUrlSnapshot.Cors(
                true,
                List.of("content-type", "x-custom"),
                List.of("GET", "POST"),
                List.of(ORIGIN),
                List.of("x-trace"),
                300);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            publish(
                    producer,
                    ResourceType.FUNCTION_URL_CONFIG,
                    ARN + "locked",
                    new FunctionUrlSnapshot(ARN + "locked", null, LOCKED_ID, "NONE", null, "BUFFERED"));
            publish(
                    producer,
                    ResourceType.FUNCTION_URL_CONFIG,
                    ARN + "open",
                    new FunctionUrlSnapshot(ARN + "open", null, UNCONDITIONED_ID, "NONE", null, "BUFFERED"));
            // Public, but without the lambda:FunctionUrlAuthType = NONE condition AWS requires.
            publish(
                    producer,
                    ResourceType.POLICY,
                    ARN + "open",
                    new PolicySnapshot(
                            ARN + "open",
                            null,
                            List.of(new PolicySnapshot.Statement(
                                    "url",
                                    "*",
                                    "lambda:InvokeFunctionUrl",
                                    ARN + "open",
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null)),
                            "rev-1"));
            publish(
                    producer,
                    ResourceType.FUNCTION_URL_CONFIG,
                    ARN + "web",
                    new FunctionUrlSnapshot(ARN + "web", null, PUBLIC_ID, "NONE", cors, "BUFFERED"));
            publish(
                    producer,
                    ResourceType.POLICY,
                    ARN + "web",
                    new PolicySnapshot(
                            ARN + "web",
                            null,
                            List.of(new PolicySnapshot.Statement(
                                    "url",
                                    "*",
                                    "lambda:InvokeFunctionUrl",
                                    ARN + "web",
                                    null,
                                    null,
                                    null,
                                    null,
                                    "NONE",
                                    null)),
                            "rev-1"));
            publish(
                    producer,
                    ResourceType.FUNCTION_URL_CONFIG,
                    ARN + "private:live",
                    new FunctionUrlSnapshot(ARN + "private:live", "live", IAM_ID, "AWS_IAM", null, "BUFFERED"));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        // One partition: once the last-published URL answers, every earlier record has been applied.
        while (signedPathForm(IAM_ID, "/", new byte[0], "test").statusCode() != 200) {
            assertThat(System.nanoTime()).as("URL configs reach the gateway").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    @Test
    void aGetBecomesAPayload2EventWithHeadersCookiesAndQuery() throws Exception {
        function.function = event -> FunctionBackend.Answer.result(
                "{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},\"body\":"
                        + json.writeValueAsString(new String(event, StandardCharsets.UTF_8)) + "}");

        RawHttp.Response response = hostForm(
                "GET",
                "/shop/items?color=red&color=blue&q=a%20b",
                Map.of("Cookie", "session=abc; theme=dark", "X-Custom", "one", "User-Agent", "curl/8"),
                new byte[0],
                PUBLIC_ID);

        assertThat(response.status()).isEqualTo(200);
        JsonNode event = json.readTree(response.body());
        assertThat(event.path("version").asString()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asString()).isEqualTo("$default");
        assertThat(event.path("rawPath").asString()).isEqualTo("/shop/items");
        assertThat(event.path("rawQueryString").asString()).isEqualTo("color=red&color=blue&q=a%20b");
        assertThat(event.path("cookies").toString()).isEqualTo("[\"session=abc\",\"theme=dark\"]");
        assertThat(event.path("headers").path("cookie").asString()).isEqualTo("session=abc; theme=dark");
        assertThat(event.path("headers").path("x-custom").asString()).isEqualTo("one");
        assertThat(event.path("queryStringParameters").path("color").asString()).isEqualTo("red,blue");
        assertThat(event.path("queryStringParameters").path("q").asString()).isEqualTo("a b");
        JsonNode context = event.path("requestContext");
        assertThat(context.path("accountId").asString()).isEqualTo("anonymous");
        assertThat(context.path("apiId").asString()).isEqualTo(PUBLIC_ID);
        assertThat(context.path("domainName").asString()).isEqualTo(PUBLIC_ID + ".lambda-url.us-east-1.localhost");
        assertThat(context.path("domainPrefix").asString()).isEqualTo(PUBLIC_ID);
        assertThat(context.path("http").path("method").asString()).isEqualTo("GET");
        assertThat(context.path("http").path("path").asString()).isEqualTo("/shop/items");
        assertThat(context.path("http").path("userAgent").asString()).isEqualTo("curl/8");
        assertThat(context.path("http").path("sourceIp").asString()).isEqualTo("127.0.0.1");
        assertThat(context.path("stage").asString()).isEqualTo("$default");
        assertThat(context.path("time").asString()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(context.path("timeEpoch").asLong())
                .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        assertThat(context.has("authorizer")).isFalse();
        assertThat(event.has("body")).isFalse();
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.get("pathParameters").isNull()).isTrue();
        assertThat(event.get("stageVariables").isNull()).isTrue();
        assertThat(function.lastPath).isEqualTo("/2015-03-31/functions/" + ARN + "web/invocations");
    }

    @Test
    void theFunctionsAnswerMapsToStatusHeadersCookiesAndBase64Bodies() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
        function.function = event -> FunctionBackend.Answer.result("{\"statusCode\":201,\"headers\":{\"content-type\":"
                + "\"image/png\",\"x-answer\":42},\"cookies\":[\"a=1; Path=/\",\"b=2\"],\"isBase64Encoded\":true,"
                + "\"body\":\"" + Base64.getEncoder().encodeToString(png) + "\"}");

        HttpResponse<byte[]> response = pathForm(PUBLIC_ID, "/upload", "application/octet-stream", png);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("content-type")).contains("image/png");
        assertThat(response.headers().firstValue("x-answer")).contains("42");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1; Path=/", "b=2");
        assertThat(response.body()).isEqualTo(png);
        JsonNode event = json.readTree(function.lastEvent);
        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.path("body").asString())).isEqualTo(png);
        assertThat(event.path("rawPath").asString()).isEqualTo("/upload");
        assertThat(event.path("requestContext").path("http").path("method").asString())
                .isEqualTo("POST");
    }

    @Test
    void aBareJsonResultIsA200JsonBodyAndTextBodiesStayText() throws Exception {
        function.function = event -> FunctionBackend.Answer.result("{\"hello\":\"world\"}");

        HttpResponse<byte[]> response = pathForm(PUBLIC_ID, "/", "application/json", "{\"n\":1}".getBytes());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"hello\":\"world\"}");
        JsonNode event = json.readTree(function.lastEvent);
        assertThat(event.path("body").asString()).isEqualTo("{\"n\":1}");
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void aFunctionErrorIs502InternalServerError() throws Exception {
        function.function = event -> new FunctionBackend.Answer(
                200, Map.of("X-Amz-Function-Error", "Unhandled"), "{\"errorType\":\"Boom\"}".getBytes());

        HttpResponse<byte[]> response = pathForm(PUBLIC_ID, "/", "text/plain", "x".getBytes());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("Internal Server Error");
    }

    @Test
    void aThrottleFromTheInvokeApiPassesThrough() throws Exception {
        function.function = event -> new FunctionBackend.Answer(
                429,
                Map.of("x-amzn-ErrorType", "TooManyRequestsException"),
                "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}"
                        .getBytes());

        HttpResponse<byte[]> response = pathForm(PUBLIC_ID, "/", "text/plain", "x".getBytes());

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("TooManyRequestsException");
    }

    @Test
    void corsPreflightIsAnsweredWithoutTheFunctionAndResponsesCarryTheConfiguredHeaders() throws Exception {
        int before = function.invocations.get();
        RawHttp.Response preflight = hostForm(
                "OPTIONS",
                "/",
                Map.of(
                        "Origin",
                        ORIGIN,
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "x-custom"),
                new byte[0],
                PUBLIC_ID);
        RawHttp.Response refused = hostForm(
                "OPTIONS",
                "/",
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"),
                new byte[0],
                PUBLIC_ID);
        assertThat(function.invocations.get()).isEqualTo(before);

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("access-control-allow-origin")).isEqualTo(ORIGIN);
        assertThat(preflight.header("access-control-allow-methods")).isEqualTo("GET,POST");
        assertThat(preflight.header("access-control-allow-headers")).isEqualTo("content-type,x-custom");
        assertThat(preflight.header("access-control-max-age")).isEqualTo("300");
        assertThat(preflight.header("access-control-allow-credentials")).isEqualTo("true");
        assertThat(refused.header("access-control-allow-origin")).isNull();

        function.function = event -> FunctionBackend.Answer.result(
                "{\"statusCode\":200,\"headers\":{\"Access-Control-Allow-Origin\":\"*\"},\"body\":\"ok\"}");
        RawHttp.Response actual = hostForm("GET", "/", Map.of("Origin", ORIGIN), new byte[0], PUBLIC_ID);
        assertThat(actual.status()).isEqualTo(200);
        assertThat(actual.text()).isEqualTo("ok");
        assertThat(actual.headers().get("access-control-allow-origin")).containsExactly(ORIGIN);
        assertThat(actual.header("access-control-expose-headers")).isEqualTo("x-trace");
    }

    @Test
    void anUnknownIdAPublicUrlWithoutPermissionAndAStatementWithoutTheNoneConditionAreAllForbidden() throws Exception {
        int before = function.invocations.get();
        String forbidden = "{\"Message\":\"Forbidden. For troubleshooting Function URL authorization issues, see:"
                + " https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html\"}";
        for (String id : List.of("nosuchurl0000000000000000000000z", LOCKED_ID, UNCONDITIONED_ID)) {
            RawHttp.Response denied = hostForm("GET", "/", Map.of(), new byte[0], id);

            assertThat(denied.status()).as(id).isEqualTo(403);
            assertThat(denied.header("x-amzn-errortype")).as(id).isEqualTo("AccessDeniedException");
            assertThat(denied.text()).as(id).isEqualTo(forbidden);
        }
        assertThat(function.invocations.get()).isEqualTo(before);
    }

    @Test
    void aFunctionCannotSplitTheResponseOrSetHopByHopHeaders() throws Exception {
        function.function = event -> FunctionBackend.Answer.result("{\"statusCode\":200,\"headers\":{"
                + "\"X-Ok\":\"fine\","
                + "\"X-Evil\":\"a\\r\\nX-Injected: 1\","
                + "\"Bad Name\":\"x\","
                + "\"Connection\":\"close\","
                + "\"Transfer-Encoding\":\"chunked\","
                + "\"Upgrade\":\"h2c\","
                + "\"Content-Length\":\"1\"},"
                + "\"cookies\":[\"a=1\",\"b=2\\r\\nX-Injected: 2\"],\"body\":\"hello\"}");

        RawHttp.Response reply = hostForm("GET", "/", Map.of(), new byte[0], PUBLIC_ID);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).isEqualTo("hello");
        assertThat(reply.header("x-ok")).isEqualTo("fine");
        assertThat(reply.headers())
                .doesNotContainKeys("x-evil", "x-injected", "bad name", "transfer-encoding", "upgrade");
        assertThat(reply.headers().get("set-cookie")).containsExactly("a=1");
        assertThat(reply.header("content-length")).isEqualTo("5");
    }

    @Test
    void anAwsIamUrlWantsAValidSignatureAndTellsTheFunctionWhoCalled() throws Exception {
        byte[] body = "{\"signed\":true}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> unsigned = pathForm(IAM_ID, "/private", "application/json", body);
        HttpResponse<byte[]> signed = signedPathForm(IAM_ID, "/private", body, "test");
        HttpResponse<byte[]> wrongSecret = signedPathForm(IAM_ID, "/private", body, "not-the-secret");

        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        assertThat(wrongSecret.statusCode()).isEqualTo(403);
        assertThat(wrongSecret.headers().firstValue("x-amzn-ErrorType")).contains("InvalidSignatureException");
        assertThat(signed.statusCode()).isEqualTo(200);
        JsonNode event = json.readTree(signed.body());
        JsonNode iam = event.path("requestContext").path("authorizer").path("iam");
        assertThat(iam.path("accessKey").asString()).isEqualTo("test");
        assertThat(iam.path("accountId").asString()).isEqualTo("000000000000");
        assertThat(event.path("requestContext").path("accountId").asString()).isEqualTo("000000000000");
        assertThat(function.lastPath).endsWith(ARN + "private:live/invocations");
    }

    @Test
    void bodiesUpToTheLimitPassAndLargerOnesAre413() throws Exception {
        byte[] big = new byte[5 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        function.function = event -> FunctionBackend.Answer.result("{\"size\":" + event.length + "}");
        HttpResponse<byte[]> fits = pathForm(PUBLIC_ID, "/", "text/plain", big);
        HttpResponse<byte[]> tooBig = pathForm(PUBLIC_ID, "/", "text/plain", new byte[7 * 1024 * 1024]);

        assertThat(fits.statusCode()).isEqualTo(200);
        assertThat(json.readTree(fits.body()).path("size").asInt()).isGreaterThan(big.length);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.headers().firstValue("x-amzn-ErrorType")).contains("RequestTooLargeException");
    }

    private RawHttp.Response hostForm(String method, String target, Map<String, String> headers, byte[] body, String id)
            throws IOException {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Host", id + ".lambda-url.us-east-1.localhost:" + port);
        return RawHttp.send(port, method, target, all, body);
    }

    private HttpResponse<byte[]> pathForm(String id, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/lambda-url/" + id + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> signedPathForm(String id, String path, byte[] body, String secret)
            throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/lambda-url/" + id + path);
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(uri)
                .putHeader("Content-Type", "application/json")
                .build();
        SdkHttpRequest signed = TestWiring.sign(unsigned, body, secret);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static <T> void publish(KafkaProducer<String, byte[]> producer, ResourceType type, String arn, T snapshot)
            throws Exception {
        long seq = sequence.incrementAndGet();
        byte[] value =
                json.writeValueAsBytes(new RegistryChange<>(seq, type, arn, "rev-" + seq, Instant.now(), snapshot));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("ignis.registry.changes", type.keyFor(arn), value);
        record.headers().add(RegistryChangeHeaders.RESOURCE_TYPE, type.name().getBytes(StandardCharsets.UTF_8));
        record.headers().add(RegistryChangeHeaders.SEQUENCE, Long.toString(seq).getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers"),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }
}
