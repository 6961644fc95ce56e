package dev.ignis.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ignis.contracts.internal.CodeLinks;
import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.gateway.auth.Sha256;
import dev.ignis.gateway.observe.AccessLog;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The gateway for real (Netty, its YAML routes, a real Kafka broker for its registry view) in front
 * of a real HTTP server standing in for the registry and invocation-service, driven by the AWS SDK
 * for Java v2 and by raw HTTP.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // Short enough to test a slow backend; the management route's real limit is 120 s.
            "ignis.gateway.backends.time-limits.management=1s",
            "management.server.port=0",
            // A slow caller is cut off after these pauses (60 s idle, 20 s read in config).
            "ignis.gateway.connections.read-timeout=1s",
            "ignis.gateway.connections.idle-timeout=1s",
        })
@EmbeddedKafka(partitions = 1, topics = "ignis.registry.changes")
class GatewayIT {

    static final FakeBackend backend = new FakeBackend();
    static final String INVOKE_PATH = "/2015-03-31/functions/web/invocations";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWiring.servicesAt(registry, "http://127.0.0.1:" + backend.port());
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    InternalCredential internalCredential;

    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final ListAppender<ILoggingEvent> accessLog = new ListAppender<>();

    @BeforeEach
    void captureAccessLog() {
        accessLog.start();
        ((Logger) LoggerFactory.getLogger(AccessLog.LOGGER)).addAppender(accessLog);
        backend.received.clear();
    }

    @AfterEach
    void releaseAccessLog() {
        ((Logger) LoggerFactory.getLogger(AccessLog.LOGGER)).detachAppender(accessLog);
    }

    @AfterAll
    static void stopBackend() {
        backend.stop();
    }

    @Test
    void aW3cTraceReachesTheBackendAsTheSameXRayTraceAndAnUntracedCallGetsANewOne() {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        try (LambdaClient lambda = client("test", "test")) {
            lambda.invoke(b -> b.functionName("web")
                    .payload(SdkBytes.fromUtf8String("{}"))
                    .overrideConfiguration(o -> o.putHeader("traceparent", traceparent)));
            FakeBackend.Received traced = backend.received.getLast();
            assertThat(traced.header("X-Amzn-Trace-Id"))
                    .isEqualTo("Root=1-0af76519-16cd43dd8448eb211c80319c;Parent=b7ad6b7169203331;Sampled=1");
            assertThat(traced.header("traceparent")).isEqualTo(traceparent);

            lambda.invoke(b -> b.functionName("web").payload(SdkBytes.fromUtf8String("{}")));
            FakeBackend.Received untraced = backend.received.getLast();
            String root = untraced.header("X-Amzn-Trace-Id");
            assertThat(root).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0");
            assertThat(untraced.header("traceparent"))
                    .isEqualTo("00-" + root.substring(7, 15) + root.substring(16, 40) + "-" + root.substring(48, 64)
                            + "-00");
        }
    }

    @Test
    void sdkCallsSignedWithTheDefaultKeyPairPassThrough() {
        try (LambdaClient lambda = client("test", "test")) {
            assertThat(lambda.listFunctions().functions()).isEmpty();

            InvokeResponse response =
                    lambda.invoke(b -> b.functionName("web").payload(SdkBytes.fromUtf8String("{\"n\":1}")));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.payload().asUtf8String()).isEqualTo("{\"n\":1}");
            assertThat(response.executedVersion()).isEqualTo("$LATEST");
        }
        FakeBackend.Received invoke = backend.received.getLast();
        assertThat(invoke.path()).isEqualTo(INVOKE_PATH);
        assertThat(new String(invoke.body(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
        assertThat(invoke.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=test/");
        assertThat(invoke.header("X-Amz-Content-Sha256"))
                .as("the SDK names the body's digest, so the gateway checks the body as it streams")
                .isEqualTo(Sha256.hex(invoke.body()));
        assertThat(accessLog.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("requestId=backend-request-id method=POST path=" + INVOKE_PATH)
                        .contains("function=web status=200 latencyMs="));
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() {
        try (LambdaClient lambda = client("test", "wrong")) {
            AwsServiceException error = catchThrowableOfType(AwsServiceException.class, lambda::listFunctions);

            assertThat(error.statusCode()).isEqualTo(403);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(error.awsErrorDetails().errorMessage())
                    .isEqualTo("The request signature we calculated does not match the signature you provided."
                            + " Check your AWS Secret Access Key and signing method. Consult the service"
                            + " documentation for details.");
        }
        assertThat(backend.received).isEmpty();
    }

    @Test
    void anUnknownAccessKeyIsAnUnrecognizedClient() {
        try (LambdaClient lambda = client("AKIDNOBODY", "test")) {
            AwsServiceException error = catchThrowableOfType(
                    AwsServiceException.class,
                    () -> lambda.invoke(b -> b.functionName("web").payload(SdkBytes.fromUtf8String("{}"))));

            assertThat(error.statusCode()).isEqualTo(403);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(error.awsErrorDetails().errorMessage())
                    .isEqualTo("The security token included in the request is invalid.");
        }
        assertThat(backend.received).isEmpty();
    }

    @Test
    void anUnsignedRequestIsMissingItsAuthenticationToken() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(gateway("/2015-03-31/functions/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.body()).isEqualTo("{\"Type\":\"User\",\"message\":\"Missing Authentication Token\"}");
        assertThat(backend.received).isEmpty();
    }

    @Test
    void everyForwardedRequestCarriesTheInternalCredentialAndACallersOwnValueIsReplaced() {
        try (LambdaClient lambda = LambdaClient.builder()
                .endpointOverride(gateway(""))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.putHeader(InternalCredential.HEADER, "forged"))
                .build()) {
            lambda.listFunctions();
        }

        assertThat(backend.received.getLast().header(InternalCredential.HEADER))
                .isEqualTo(internalCredential.headerValue());
    }

    @Test
    void aCodeDownloadNeedsAValidPresignedLinkOrASignature() throws Exception {
        String sha = "ab".repeat(32);
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> bare = http.send(
                HttpRequest.newBuilder(gateway(CodeLinks.PATH_PREFIX + sha)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> expired = http.send(
                HttpRequest.newBuilder(gateway(CodeLinks.presignedPath(internalCredential, sha, now - 1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = http.send(
                HttpRequest.newBuilder(gateway(CodeLinks.presignedPath(InternalCredential.of("guess"), sha, now + 600)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(backend.received).isEmpty();

        HttpResponse<String> presigned = http.send(
                HttpRequest.newBuilder(gateway(CodeLinks.presignedPath(internalCredential, sha, now + 600)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(bare.statusCode()).isEqualTo(403);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(presigned.statusCode()).isEqualTo(200);
        assertThat(backend.received).singleElement().satisfies(r -> assertThat(r.path())
                .isEqualTo(CodeLinks.PATH_PREFIX + sha));
    }

    @Test
    void aHostThatMerelyLooksLikeAFunctionUrlIsStillTheLambdaApi() throws Exception {
        for (String host : List.of(
                "a.lambda-url.x",
                "a.lambda-url.us-east-1.evil.example",
                "abc.lambda-url.eu-west-1.on.aws",
                "x.y.lambda-url.us-east-1.localhost:" + port,
                "abc.lambda-url.us-west-2.localhost:" + port)) {
            RawHttp.Response response =
                    RawHttp.send(port, "GET", "/2015-03-31/functions/", Map.of("Host", host), new byte[0]);

            assertThat(response.status()).as(host).isEqualTo(403);
            assertThat(response.header("x-amzn-ErrorType")).as(host).isEqualTo("MissingAuthenticationTokenException");
        }
        assertThat(backend.received).isEmpty();
    }

    @Test
    void aSignatureMoreThanFiveMinutesFromTheGatewaysClockIsRefusedEitherWay() throws Exception {
        Instant now = Instant.now();
        HttpResponse<String> old = http.send(
                signedGet("/2015-03-31/functions/", Clock.fixed(now.minusSeconds(6 * 60), ZoneOffset.UTC)),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> ahead = http.send(
                signedGet("/2015-03-31/functions/", Clock.fixed(now.plusSeconds(6 * 60), ZoneOffset.UTC)),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> recent = http.send(
                signedGet("/2015-03-31/functions/", Clock.fixed(now.minusSeconds(4 * 60), ZoneOffset.UTC)),
                HttpResponse.BodyHandlers.ofString());

        assertThat(old.statusCode()).isEqualTo(403);
        assertThat(old.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
        assertThat(old.body())
                .matches("\\{\"Type\":\"User\",\"message\":\"Signature expired: \\d{8}T\\d{6}Z is now earlier than"
                        + " \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 5 min\\.\\)\"}");
        assertThat(ahead.statusCode()).isEqualTo(403);
        assertThat(ahead.body())
                .matches(".*Signature not yet current: \\d{8}T\\d{6}Z is still later than \\d{8}T\\d{6}Z"
                        + " \\(\\d{8}T\\d{6}Z \\+ 5 min\\.\\).*");
        assertThat(recent.statusCode()).isEqualTo(200);
    }

    @Test
    void aDeclaredSizeOverTheOperationsLimitIsRefusedFromTheHeaders() throws Exception {
        String invoke = headersOnly("POST", INVOKE_PATH, 6_291_456);
        String create = headersOnly("POST", "/2015-03-31/functions", 69_905_067);

        assertThat(invoke)
                .startsWith("HTTP/1.1 413")
                .contains("RequestTooLargeException")
                .contains("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
        assertThat(create)
                .startsWith("HTTP/1.1 413")
                .contains("Request must be smaller than 69905067 bytes for the CreateFunction operation");
        assertThat(backend.received).isEmpty();
    }

    @Test
    void anUnsignedUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
        String unsigned = headersOnly("POST", "/2015-03-31/functions", 60_000_000);

        assertThat(unsigned).startsWith("HTTP/1.1 403").contains("MissingAuthenticationTokenException");
        assertThat(backend.received).isEmpty();
    }

    @Test
    void aCallerThatStopsSendingItsHeadIsCutOff() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream()
                    .write(("POST " + INVOKE_PATH + " HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
                            .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();

            // Returns once the gateway closes the connection; a read time-out here fails the test.
            socket.getInputStream().readAllBytes();
        }
        assertThat(backend.received).isEmpty();
    }

    @Test
    void aSignedCallerThatStopsSendingItsBodyIsCutOff() throws Exception {
        byte[] event = "{\"slow\":true}".getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("http://localhost:" + port + INVOKE_PATH))
                .putHeader("Content-Type", "application/json")
                .putHeader("Content-Length", Integer.toString(event.length))
                .build();
        SdkHttpRequest signed = sign(request, event);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            StringBuilder head = new StringBuilder("POST " + INVOKE_PATH + " HTTP/1.1\r\n");
            signed.headers()
                    .forEach((name, values) -> values.forEach(value ->
                            head.append(name).append(": ").append(value).append("\r\n")));
            head.append("\r\n");
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(event, 0, 3); // and then nothing
            socket.getOutputStream().flush();

            socket.getInputStream().readAllBytes();
        }
        assertThat(backend.received).isEmpty();
    }

    @Test
    void aRequestHeadOverTheHeaderLimitIsRefused() throws Exception {
        RawHttp.Response response = RawHttp.send(
                port, "GET", "/2015-03-31/functions/", Map.of("X-Big", "a".repeat(20 * 1024)), new byte[0]);

        assertThat(response.status()).isEqualTo(431);
        assertThat(backend.received).isEmpty();
    }

    /**
     * Sends only a request's head, declaring a body of {@code contentLength} bytes it never sends, and
     * returns the head of the answer: an answer at all proves the gateway did not wait for the body.
     */
    private String headersOnly(String method, String path, long contentLength) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            byte[] answer = new byte[2048];
            int n = socket.getInputStream().read(answer);
            return n < 0 ? "" : new String(answer, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void onlyHealthIsPublicAndMetricsAnswerOnTheManagementPort() throws Exception {
        try (LambdaClient lambda = client("test", "test")) {
            lambda.listFunctions();
        }
        HttpResponse<String> readyz =
                http.send(HttpRequest.newBuilder(gateway("/readyz")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> publicMetrics = http.send(
                HttpRequest.newBuilder(gateway("/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(readyz.statusCode()).isEqualTo(200);
        assertThat(publicMetrics.statusCode()).isEqualTo(403);
        assertThat(publicMetrics.headers().firstValue("x-amzn-ErrorType"))
                .hasValue("MissingAuthenticationTokenException");
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern(
                        "ignis_gateway_requests_seconds_count\\{[^}]*route=\"management\"" + "[^}]*status=\"2xx\"");
    }

    @Test
    void aBodyThatDoesNotMatchItsSignedHashNeverReachesTheBackend() throws Exception {
        byte[] signedBody = "{\"amount\":1}".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest signed = signInvoke(signedBody);
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway(INVOKE_PATH))
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":9}"));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
            }
        });

        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
        assertThat(backend.received).noneSatisfy(r -> assertThat(r.body()).isNotEmpty());

        HttpRequest.Builder honest =
                HttpRequest.newBuilder(gateway(INVOKE_PATH)).POST(HttpRequest.BodyPublishers.ofByteArray(signedBody));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> honest.header(name, value));
            }
        });
        assertThat(http.send(honest.build(), HttpResponse.BodyHandlers.ofString())
                        .body())
                .isEqualTo("{\"amount\":1}");
    }

    @Test
    void aBodySignedWithoutAContentHashHeaderIsHashedByTheGateway_asTheCliSignsIt() throws Exception {
        byte[] event = "{\"from\":\"cli\"}".getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(gateway(INVOKE_PATH))
                .putHeader("Content-Type", "application/json")
                .contentStreamProvider(ContentStreamProvider.fromByteArray(event))
                .build();
        SdkHttpFullRequest signed = Aws4Signer.create()
                .sign(
                        request,
                        Aws4SignerParams.builder()
                                .awsCredentials(AwsBasicCredentials.create("test", "test"))
                                .signingName("lambda")
                                .signingRegion(Region.US_EAST_1)
                                .build());
        assertThat(signed.firstMatchingHeader("X-Amz-Content-Sha256")).isEmpty();

        HttpResponse<String> response = http.send(
                forward(signed, HttpRequest.BodyPublishers.ofByteArray(event)), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> tampered = http.send(
                forward(signed, HttpRequest.BodyPublishers.ofString("{\"from\":\"eve\"}")),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"from\":\"cli\"}");
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
        assertThat(backend.received).hasSize(1);
    }

    @Test
    void aBackendThatIsDownIsAServiceExceptionUntilItComesBack() throws Exception {
        backend.stop();
        try (LambdaClient lambda = client("test", "test")) {
            AwsServiceException error = catchThrowableOfType(AwsServiceException.class, lambda::listFunctions);
            assertThat(error.statusCode()).isEqualTo(502);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ServiceException");

            HttpResponse<String> raw =
                    http.send(signedGet("/2015-03-31/functions/"), HttpResponse.BodyHandlers.ofString());
            assertThat(raw.statusCode()).isEqualTo(502);
            assertThat(raw.headers().firstValue("x-amzn-ErrorType")).hasValue("ServiceException");
            assertThat(raw.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(raw.body()).startsWith("{\"Type\":\"Service\",\"message\":\"The management backend");

            backend.restart();
            assertThat(lambda.listFunctions().functions()).isEmpty();
        } finally {
            backend.restart();
        }
    }

    @Test
    void aBackendSlowerThanItsTimeLimitIsAServiceException() {
        try (LambdaClient lambda = client("test", "test")) {
            AwsServiceException error = catchThrowableOfType(
                    AwsServiceException.class, () -> lambda.getFunction(b -> b.functionName("slow")));

            assertThat(error.statusCode()).isEqualTo(504);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ServiceException");
            assertThat(error.awsErrorDetails().errorMessage())
                    .isEqualTo("The management backend did not answer in time.");
        }
    }

    private LambdaClient client(String accessKeyId, String secret) {
        return LambdaClient.builder()
                .endpointOverride(gateway(""))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private HttpRequest forward(SdkHttpRequest signed, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(signed.getUri()).method(signed.method().name(), body);
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private URI gateway(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpRequest signedGet(String path) {
        return signedGet(path, Clock.systemUTC());
    }

    private HttpRequest signedGet(String path, Clock clock) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(gateway(path))
                .build();
        SdkHttpRequest signed = TestWiring.sign(request, new byte[0], "test", clock);
        HttpRequest.Builder builder = HttpRequest.newBuilder(gateway(path));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    /** An invoke signed with test/test whose X-Amz-Content-Sha256 names the signed body's digest. */
    private SdkHttpRequest signInvoke(byte[] body) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(gateway(INVOKE_PATH))
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Amz-Content-Sha256", Sha256.hex(body))
                .build();
        return sign(request, body);
    }

    private static SdkHttpRequest sign(SdkHttpFullRequest request, byte[] body) {
        return TestWiring.sign(request, body, "test");
    }
}
