package dev.ignis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ignis.launcher.Component;
import dev.ignis.launcher.IgnisStack;
import dev.ignis.launcher.LaunchOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boots the whole platform through the launcher's own code path — a real Kafka broker and the
 * five service jars as child processes, on free ports in a temporary home — and drives it through
 * the gateway with the AWS SDK for Java v2.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackIT {

    private static final List<String> VIEW_SERVICES = List.of("invocation", "async-queue", "event-source", "gateway");

    @TempDir
    static Path home;

    static IgnisStack stack;
    static LambdaClient lambda;
    static final Map<String, Integer> ports = new HashMap<>();
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startStack() throws IOException {
        // JUnit makes temporary directories owner-only; the sandboxed functions run as another user
        // and must be able to reach their code below the home, as under a normal .ignis.
        java.nio.file.Files.setPosixFilePermissions(
                home, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String component :
                List.of("kafka", "function-registry", "invocation", "async-queue", "event-source", "gateway")) {
            ports.put(component, freePort(component.equals("kafka")));
        }
        ports.put("gateway" + LaunchOptions.MANAGEMENT_SUFFIX, freePort(false));
        Path root = Path.of(System.getProperty("ignis.project-root", ".."))
                .toAbsolutePath()
                .normalize();
        LaunchOptions options = LaunchOptions.defaults(root).withHome(home).withPortOverrides(ports);
        stack = IgnisStack.start(options, line -> System.out.println("[stack] " + line));
        stack.awaitHealthy(Duration.ofMinutes(3));
        lambda = LambdaClient.builder()
                .endpointOverride(stack.gatewayUrl())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterAll
    static void stopStack() {
        if (lambda != null) {
            lambda.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceIsHealthyAndPublishesItsOperationalEndpoints() throws Exception {
        assertThat(stack.services()).hasSize(5);
        for (Component service : stack.services()) {
            assertThat(get(service.url(), "/readyz").path("status").asString())
                    .as(service.name())
                    .isEqualTo("UP");
            URI actuator = actuator(service.url());
            assertThat(get(actuator, "/actuator/health").path("status").asString())
                    .as(service.name())
                    .isEqualTo("UP");
            assertThat(getText(actuator, "/actuator/prometheus")).contains("jvm_memory_used_bytes");
            if (!service.url().equals(actuator)) {
                continue; // the gateway: only health on its public port
            }
            assertThat(get(service.url(), "/v3/api-docs").path("openapi").asString())
                    .startsWith("3.");
        }
    }

    @Test
    @Order(2)
    void theLauncherCreatedEveryConfiguredTopicAndCompactedTheRegistryChanges() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            assertThat(admin.listTopics().names().get())
                    .contains(
                            "ignis.registry.changes",
                            "ignis.invocations.async",
                            "ignis.invocations.async.dlq",
                            "ignis.destinations",
                            "ignis.function.logs");
            ConfigResource changes = new ConfigResource(ConfigResource.Type.TOPIC, "ignis.registry.changes");
            Config config = admin.describeConfigs(List.of(changes)).all().get().get(changes);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
            assertThat(admin.describeTopics(List.of("ignis.invocations.async"))
                            .allTopicNames()
                            .get()
                            .get("ignis.invocations.async")
                            .partitions())
                    .hasSize(6);
        }
    }

    @Test
    @Order(3)
    void aFunctionCreatedThroughTheGatewayReachesEveryServicesView() throws Exception {
        assertThat(lambda.listFunctions().functions()).isEmpty();

        byte[] zip = zipOf(
                "lambda_function.py",
                "import os\ndef lambda_handler(e, c):\n    return {'event': e, 'greeting': os.environ['GREETING']}\n");
        CreateFunctionResponse created = lambda.createFunction(b -> b.functionName("e2e-hello")
                .runtime(Runtime.PYTHON3_12)
                .handler("lambda_function.lambda_handler")
                .role("arn:aws:iam::000000000000:role/lambda")
                .environment(e -> e.variables(Map.of("GREETING", "hello from the registry")))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
        String arn = created.functionArn();
        assertThat(arn).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:e2e-hello");
        assertThat(lambda.listFunctions().functions())
                .extracting(f -> f.functionName())
                .containsExactly("e2e-hello");

        for (String service : VIEW_SERVICES) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode view = registryView(service);
                assertThat(view.path("lastKey").asString()).as(service).isEqualTo(arn);
                assertThat(view.path("resources").asInt()).as(service).isEqualTo(1);
            });
        }
    }

    @Test
    @Order(4)
    void aFunctionCreatedThroughTheGatewayRunsThroughTheGateway() {
        InvokeResponse response = lambda.invoke(b -> b.functionName("e2e-hello")
                .logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"from\":\"e2e\"}")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        assertThat(response.payload().asUtf8String())
                .isEqualTo("{\"event\": {\"from\": \"e2e\"}, \"greeting\": \"hello from the registry\"}");
        assertThat(new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8))
                .contains("START RequestId: " + response.responseMetadata().requestId())
                .contains("Init Duration");
    }

    @Test
    @Order(5)
    void aPublicFunctionUrlServesHttpThroughTheGateway() throws Exception {
        String urlId = lambda.createFunctionUrlConfig(
                        b -> b.functionName("e2e-hello").authType(FunctionUrlAuthType.NONE))
                .functionUrl()
                .replaceFirst("^http://([a-z0-9]{32})\\.lambda-url\\.us-east-1\\.localhost(:\\d+)?/$", "$1");
        assertThat(urlId).hasSize(32);
        URI url = stack.gatewayUrl().resolve("/lambda-url/" + urlId + "/orders?id=7");
        HttpRequest get = HttpRequest.newBuilder(url).header("Cookie", "a=1").build();

        // Public only once the resource policy says so, as on AWS.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        http.send(get, HttpResponse.BodyHandlers.ofString()).body())
                .startsWith("{\"Message\":\"Forbidden"));
        lambda.addPermission(b -> b.functionName("e2e-hello")
                .statementId("public-url")
                .action("lambda:InvokeFunctionUrl")
                .principal("*")
                .functionUrlAuthType(FunctionUrlAuthType.NONE));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode event = json.readTree(response.body()).path("event");
            assertThat(event.path("rawPath").asString()).isEqualTo("/orders");
            assertThat(event.path("queryStringParameters").path("id").asString())
                    .isEqualTo("7");
            assertThat(event.path("cookies").get(0).asString()).isEqualTo("a=1");
            assertThat(event.path("requestContext").path("apiId").asString()).isEqualTo(urlId);
        });
    }

    /** Debian's AWS CLI v2 (scripts/install-prerequisites.sh), signing with the documented key pair. */
    @Test
    @Order(6)
    void theAwsCliManagesAndInvokesFunctionsThroughTheGatewayAndWrongKeysAreRefused() throws Exception {
        Path zip = home.resolve("cli.zip");
        java.nio.file.Files.write(
                zip, zipOf("index.mjs", "export const handler = async (event) => ({ echoed: event.n * 2 });\n"));

        Cli created = aws(
                "test",
                "test",
                "lambda",
                "create-function",
                "--function-name",
                "e2e-cli",
                "--runtime",
                "nodejs20.x",
                "--handler",
                "index.handler",
                "--role",
                "arn:aws:iam::000000000000:role/lambda",
                "--zip-file",
                "fileb://" + zip);
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(json.readTree(created.out()).path("FunctionArn").asString())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:e2e-cli");
        assertThat(aws("test", "test", "lambda", "list-functions", "--query", "Functions[].FunctionName")
                        .out())
                .contains("e2e-cli");

        Path out = home.resolve("cli-out.json");
        Cli invoked = aws(
                "test",
                "test",
                "lambda",
                "invoke",
                "--function-name",
                "e2e-cli",
                "--cli-binary-format",
                "raw-in-base64-out",
                "--payload",
                "{\"n\":21}",
                out.toString());
        assertThat(invoked.exit()).as(invoked.err()).isZero();
        assertThat(json.readTree(invoked.out()).path("StatusCode").asInt()).isEqualTo(200);
        assertThat(java.nio.file.Files.readString(out)).isEqualTo("{\"echoed\":42}");

        Cli wrongSecret = aws("test", "not-the-secret", "lambda", "list-functions");
        Cli unknownKey = aws("AKIDNOBODY", "whatever", "lambda", "list-functions");
        Cli unsigned = aws("test", "test", "--no-sign-request", "lambda", "list-functions");
        assertThat(wrongSecret.exit()).isNotZero();
        assertThat(wrongSecret.err()).contains("InvalidSignatureException");
        assertThat(unknownKey.err()).contains("UnrecognizedClientException");
        assertThat(unsigned.err()).contains("MissingAuthenticationTokenException");

        Cli deleted = aws("test", "test", "lambda", "delete-function", "--function-name", "e2e-cli");
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        assertThat(aws("test", "test", "lambda", "get-function", "--function-name", "e2e-cli")
                        .err())
                .contains("ResourceNotFoundException");
    }

    record Cli(int exit, String out, String err) {}

    /** Runs {@code aws --endpoint-url <gateway> ...} with these credentials and no user configuration. */
    private static Cli aws(String accessKey, String secret, String... args) throws Exception {
        // Debian's CLI v2 by its path: a pyenv or pip "aws" earlier on PATH may be the old v1.
        String aws = java.nio.file.Files.isExecutable(Path.of("/usr/bin/aws")) ? "/usr/bin/aws" : "aws";
        List<String> command = new java.util.ArrayList<>(
                List.of(aws, "--endpoint-url", stack.gatewayUrl().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", accessKey);
        env.put("AWS_SECRET_ACCESS_KEY", secret);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("AWS_CONFIG_FILE", home.resolve("no-aws-config").toString());
        env.put(
                "AWS_SHARED_CREDENTIALS_FILE",
                home.resolve("no-aws-credentials").toString());
        Path err = java.nio.file.Files.createTempFile(home, "aws", ".err");
        Process process = builder.redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES))
                .as("aws %s", command)
                .isTrue();
        return new Cli(process.exitValue(), out, java.nio.file.Files.readString(err));
    }

    @Test
    @Order(7)
    void aDeleteReachesEveryServiceAsATombstone() throws Exception {
        Map<String, Long> before = new HashMap<>();
        for (String service : VIEW_SERVICES) {
            before.put(service, registryView(service).path("changesApplied").asLong());
        }
        lambda.deleteFunction(b -> b.functionName("e2e-hello"));
        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("e2e-hello")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Function not found: arn:aws:lambda:us-east-1:000000000000:function:e2e-hello");

        for (String service : VIEW_SERVICES) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode view = registryView(service);
                assertThat(view.path("changesApplied").asLong()).as(service).isGreaterThan(before.get(service));
                assertThat(view.path("resources").asInt()).as(service).isZero();
            });
        }
    }

    @Test
    @Order(8)
    void aSecondStackInTheSameHomeIsRefusedWithoutTouchingTheFirst() {
        LaunchOptions again = stack.options();
        assertThatThrownBy(() -> IgnisStack.start(again, line -> {})).hasMessageContaining("Ignis is already running");
        assertThat(stack.components()).allMatch(c -> c.process().isAlive());
    }

    @Test
    @Order(9)
    void closingTheStackLeavesNoProcessAndNoBoundPort() {
        List<ProcessHandle> processes = new ArrayList<>();
        stack.components().forEach(c -> {
            processes.add(c.process().handle());
            c.process().handle().descendants().forEach(processes::add);
        });
        stack.close();
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        ports.forEach((component, port) ->
                assertThat(isFree(port)).as(component + " port " + port).isTrue());
        assertThat(isFree(ports.get("kafka") + 1)).as("kafka controller port").isTrue();
    }

    private static JsonNode registryView(String service) throws Exception {
        return get(actuator(stack.serviceUrl(service)), "/actuator/health/registryView")
                .path("details");
    }

    /** Where a service's actuator answers: its own port, or the gateway's loopback management port. */
    private static URI actuator(URI service) {
        return service.equals(stack.serviceUrl("gateway"))
                ? URI.create("http://127.0.0.1:" + ports.get("gateway" + LaunchOptions.MANAGEMENT_SUFFIX))
                : service;
    }

    private static JsonNode get(URI base, String path) throws Exception {
        return json.readTree(getText(base, path));
    }

    private static String getText(URI base, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    static byte[] zipOf(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** A free port; for Kafka also the next one, where its controller listens. */
    private static int freePort(boolean withNext) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            if (!ports.containsValue(port) && (!withNext || isFree(port + 1))) {
                return port;
            }
        }
        throw new IOException("No free port found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
