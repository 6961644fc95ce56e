package dev.ignis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ignis.launcher.Component;
import dev.ignis.launcher.IgnisStack;
import dev.ignis.launcher.LaunchOptions;
import java.io.IOException;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boots the whole platform through the launcher's own code path — a real Kafka broker, ElasticMQ and
 * kinesalite ({@code --sqs --kinesis}) and the five service jars as child processes, on free ports in a
 * temporary home — and drives it through the gateway with the AWS SDK for Java v2 and the AWS CLI.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackIT {

    private static final List<String> VIEW_SERVICES = List.of("invocation", "async-queue", "event-source", "gateway");

    @TempDir
    static Path home;

    static IgnisStack stack;
    static LambdaClient lambda;
    static QueueAndStreamTriggerChecks triggers;
    static final Map<String, Integer> ports = new HashMap<>();
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startStack() throws IOException {
        ports.putAll(TestStacks.freePortsWithQueuesAndStreams());
        stack = TestStacks.startWithQueuesAndStreams(home, ports);
        lambda = TestStacks.client(stack);
        triggers = new QueueAndStreamTriggerChecks(stack, home);
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
            HttpResponse<String> unauthenticated = http.send(
                    HttpRequest.newBuilder(service.url().resolve("/actuator/prometheus"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unauthenticated.statusCode())
                    .as("%s without the internal credential", service.name())
                    .isEqualTo(403);
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
                            "ignis.invocations.async.retry-1s",
                            "ignis.invocations.async.retry-5m",
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

        byte[] zip = TestStacks.zipOf(
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

    /**
     * A function calls the Lambda API like any client: SigV4 with the short-lived credentials in its
     * environment, at {@code AWS_ENDPOINT_URL_LAMBDA} (the gateway, the one platform port open to
     * it); a wrong secret is refused by the gateway as any caller's is.
     */
    @Test
    @Order(5) // after the first invoke of e2e-hello, which must be its cold start
    void aFunctionInvokesAnotherThroughTheGatewayWithItsOwnCredentials() throws Exception {
        byte[] zip = TestStacks.zipOf("caller.py", CALLER);
        lambda.createFunction(b -> b.functionName("e2e-caller")
                .runtime(Runtime.PYTHON3_12)
                .handler("caller.handler")
                .role("arn:aws:iam::000000000000:role/lambda")
                .timeout(30)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
        try {
            lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("e2e-caller"));
            callsAnotherFunction();
        } finally {
            lambda.deleteFunction(b -> b.functionName("e2e-caller"));
        }
    }

    private void callsAnotherFunction() throws Exception {
        JsonNode called =
                json.readTree(lambda.invoke(b -> b.functionName("e2e-caller").payload(SdkBytes.fromUtf8String("{}")))
                        .payload()
                        .asUtf8String());
        JsonNode tampered = json.readTree(
                lambda.invoke(b -> b.functionName("e2e-caller").payload(SdkBytes.fromUtf8String("{\"tamper\":\"x\"}")))
                        .payload()
                        .asUtf8String());

        assertThat(called.path("status").asInt()).as(called.toString()).isEqualTo(200);
        assertThat(called.at("/body/event/from").asString()).isEqualTo("e2e-caller");
        assertThat(called.at("/body/greeting").asString()).isEqualTo("hello from the registry");
        assertThat(tampered.path("status").asInt()).as(tampered.toString()).isEqualTo(403);
        assertThat(tampered.path("type").asString()).startsWith("InvalidSignatureException");
    }

    /** SigV4 by hand with the standard library: the runtime has no AWS SDK in Ignis. */
    private static final String CALLER =
            """
            import datetime, hashlib, hmac, json, os, urllib.error, urllib.parse, urllib.request

            def handler(event, context):
                endpoint = os.environ["AWS_ENDPOINT_URL_LAMBDA"].rstrip("/")
                secret = os.environ["AWS_SECRET_ACCESS_KEY"] + event.get("tamper", "")
                region, token = os.environ["AWS_REGION"], os.environ["AWS_SESSION_TOKEN"]
                path = "/2015-03-31/functions/e2e-hello/invocations"
                body = json.dumps({"from": "e2e-caller"}).encode()
                now = datetime.datetime.now(datetime.timezone.utc)
                amz, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
                headers = {"host": urllib.parse.urlsplit(endpoint).netloc, "x-amz-date": amz,
                           "x-amz-security-token": token}
                signed = ";".join(sorted(headers))
                canonical = "\\n".join(["POST", path, "", "".join(k + ":" + headers[k] + "\\n" for k in sorted(headers)),
                                       signed, hashlib.sha256(body).hexdigest()])
                scope = day + "/" + region + "/lambda/aws4_request"
                to_sign = "\\n".join(["AWS4-HMAC-SHA256", amz, scope, hashlib.sha256(canonical.encode()).hexdigest()])
                key = ("AWS4" + secret).encode()
                for part in (day, region, "lambda", "aws4_request"):
                    key = hmac.new(key, part.encode(), hashlib.sha256).digest()
                signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
                request = urllib.request.Request(endpoint + path, data=body, method="POST", headers={
                    "X-Amz-Date": amz, "X-Amz-Security-Token": token, "Content-Type": "application/json",
                    "Authorization": "AWS4-HMAC-SHA256 Credential=" + os.environ["AWS_ACCESS_KEY_ID"] + "/" + scope
                                     + ", SignedHeaders=" + signed + ", Signature=" + signature})
                try:
                    with urllib.request.urlopen(request, timeout=20) as response:
                        return {"status": response.status, "body": json.loads(response.read())}
                except urllib.error.HTTPError as error:
                    return {"status": error.code, "type": error.headers.get("x-amzn-ErrorType")}
            """;

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
                zip,
                TestStacks.zipOf("index.mjs", "export const handler = async (event) => ({ echoed: event.n * 2 });\n"));

        AwsCli.Result created = aws(
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
        AwsCli.Result invoked = aws(
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

        AwsCli.Result wrongSecret = aws("test", "not-the-secret", "lambda", "list-functions");
        AwsCli.Result unknownKey = aws("AKIDNOBODY", "whatever", "lambda", "list-functions");
        AwsCli.Result unsigned = aws("test", "test", "--no-sign-request", "lambda", "list-functions");
        assertThat(wrongSecret.exit()).isNotZero();
        assertThat(wrongSecret.err()).contains("InvalidSignatureException");
        assertThat(unknownKey.err()).contains("UnrecognizedClientException");
        assertThat(unsigned.err()).contains("MissingAuthenticationTokenException");

        AwsCli.Result deleted = aws("test", "test", "lambda", "delete-function", "--function-name", "e2e-cli");
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        assertThat(aws("test", "test", "lambda", "get-function", "--function-name", "e2e-cli")
                        .err())
                .contains("ResourceNotFoundException");
    }

    /**
     * A Kafka trigger made with the AWS CLI, as a new user makes one: records produced to the topic
     * reach the function, whose log lines show them, and the mapping tells the truth about its state.
     */
    @Test
    @Order(6)
    void theAwsCliMapsAKafkaTopicToAFunctionAndTheFunctionLogsEveryRecord() throws Exception {
        String topic = "e2e-orders";
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 2, (short) 1)))
                    .all()
                    .get();
        }
        Path zip = home.resolve("kafka.zip");
        java.nio.file.Files.write(
                zip,
                TestStacks.zipOf(
                        "lambda_function.py",
                        "import base64\n"
                                + "def lambda_handler(event, context):\n"
                                + "    for lane, records in event['records'].items():\n"
                                + "        for r in records:\n"
                                + "            print('kafka record', base64.b64decode(r['value']).decode())\n"
                                + "    return {}\n"));
        assertThat(aws(
                                "test",
                                "test",
                                "lambda",
                                "create-function",
                                "--function-name",
                                "e2e-kafka",
                                "--runtime",
                                "python3.12",
                                "--handler",
                                "lambda_function.lambda_handler",
                                "--role",
                                "arn:aws:iam::000000000000:role/lambda",
                                "--zip-file",
                                "fileb://" + zip)
                        .exit())
                .isZero();
        AwsCli.Result mapped = aws(
                "test",
                "test",
                "lambda",
                "create-event-source-mapping",
                "--function-name",
                "e2e-kafka",
                "--topics",
                topic,
                "--starting-position",
                "TRIM_HORIZON",
                "--maximum-batching-window-in-seconds",
                "0",
                "--self-managed-event-source",
                "{\"Endpoints\":{\"KAFKA_BOOTSTRAP_SERVERS\":[\"" + stack.kafkaBootstrapServers() + "\"]}}");
        assertThat(mapped.exit()).as(mapped.err()).isZero();
        String uuid = json.readTree(mapped.out()).path("UUID").asString();
        assertThat(json.readTree(mapped.out()).path("State").asString()).isEqualTo("Creating");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        json.readTree(aws("test", "test", "lambda", "get-event-source-mapping", "--uuid", uuid)
                                        .out())
                                .path("State")
                                .asString())
                .isEqualTo("Enabled"));

        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", stack.kafkaBootstrapServers()),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            for (int i = 1; i <= 3; i++) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "order-" + i));
            }
        }
        FunctionLogs.awaitLines(
                stack.kafkaBootstrapServers(),
                Duration.ofSeconds(90),
                "kafka record order-1",
                "kafka record order-2",
                "kafka record order-3");
        JsonNode processed = json.readTree(aws("test", "test", "lambda", "get-event-source-mapping", "--uuid", uuid)
                .out());
        assertThat(processed.path("LastProcessingResult").asString()).isEqualTo("OK");

        assertThat(aws("test", "test", "lambda", "delete-event-source-mapping", "--uuid", uuid)
                        .exit())
                .isZero();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        aws("test", "test", "lambda", "get-event-source-mapping", "--uuid", uuid)
                                .err())
                .contains("ResourceNotFoundException"));
        assertThat(aws("test", "test", "lambda", "delete-function", "--function-name", "e2e-kafka")
                        .exit())
                .isZero();
    }

    @Test
    @Order(6)
    void theAwsCliMapsAnSqsQueueToAFunctionThatGetsEveryMessageAndEmptiesTheQueue() throws Exception {
        triggers.sqsMessagesReachTheFunctionAndLeaveTheQueue();
    }

    @Test
    @Order(6)
    void theAwsCliMapsAKinesisStreamToAFunctionThatGetsEveryRecordFromTheTrimHorizon() throws Exception {
        triggers.kinesisRecordsReachTheFunctionFromTheTrimHorizon();
    }

    /** After the dashboards' check, which needs the SQS and Kinesis pollers' meters. */
    @Test
    @Order(63)
    void theAwsCliDeletesTheQueueAndStreamMappingsAndTheirFunctions() throws Exception {
        triggers.cleanUp();
    }

    /** Runs {@code aws --endpoint-url <gateway> ...} with these credentials and no user configuration. */
    private static AwsCli.Result aws(String accessKey, String secret, String... args) throws Exception {
        return new AwsCli(home).run(stack.gatewayUrl(), accessKey, secret, args);
    }

    /**
     * An Event invoke through the gateway: 202 at once, then the function runs with the request id the
     * caller got, and its OnSuccess destination (a Kafka topic) gets AWS's invocation record.
     */
    @Test
    @Order(6)
    void anEventInvokeIsQueuedRunsWithItsRequestIdAndReachesItsDestination() throws Exception {
        String arn = pythonFunctionReportingTo(
                "e2e-async", "def lambda_handler(e, c):\n    return {'requestId': c.aws_request_id, 'event': e}\n");
        String topic = DESTINATIONS;
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        registryView("async-queue").path("lastKey").asString().equals(arn + "#event-invoke-config"));

        try {
            InvokeResponse accepted = lambda.invoke(b -> b.functionName("e2e-async")
                    .invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String("{\"order\":42}")));

            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(accepted.payload().asByteArray()).isEmpty();
            String requestId = accepted.responseMetadata().requestId();
            JsonNode record = destinationRecord(
                    topic, r -> r.at("/requestContext/requestId").asString().equals(requestId));
            assertThat(record.at("/requestContext/condition").asString()).isEqualTo("Success");
            assertThat(record.at("/requestContext/functionArn").asString()).isEqualTo(arn + ":$LATEST");
            assertThat(record.at("/requestPayload/order").asInt()).isEqualTo(42);
            assertThat(record.at("/responsePayload/requestId").asString()).isEqualTo(requestId);

            assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("e2e-async")
                            .invocationType(InvocationType.EVENT)
                            .payload(SdkBytes.fromUtf8String("\"" + "x".repeat(1_048_576) + "\""))))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(413);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
                    });
        } finally {
            // A failure here must not leave the function behind for the tests after this one.
            lambda.deleteFunction(b -> b.functionName("e2e-async"));
        }
    }

    /**
     * A schedule made with the AWS CLI, as on AWS: a rate rule, EventBridge's permission on the
     * function, a target; each fire then runs the function asynchronously with the Scheduled Event
     * (its OnSuccess record on a Kafka topic shows what it got), and an expression AWS refuses is
     * refused with AWS's words. A minute lasts 2 s in this stack (e2e-tests/pom.xml).
     */
    @Test
    @Order(6)
    void theAwsCliSchedulesAFunctionAndEveryFireRunsItWithTheScheduledEvent() throws Exception {
        String arn = pythonFunctionReportingTo("e2e-scheduled", "def lambda_handler(e, c):\n    return e\n");
        String topic = DESTINATIONS;
        try {
            AwsCli.Result invalid = aws(
                    "test",
                    "test",
                    "events",
                    "put-rule",
                    "--name",
                    "e2e-bad",
                    "--schedule-expression",
                    "rate(1 minutes)");
            assertThat(invalid.exit()).isNotZero();
            assertThat(invalid.err())
                    .contains("ValidationException")
                    .contains("Parameter ScheduleExpression is not valid.");

            AwsCli.Result rule = aws(
                    "test",
                    "test",
                    "events",
                    "put-rule",
                    "--name",
                    "e2e-every-minute",
                    "--schedule-expression",
                    "rate(1 minute)");
            assertThat(rule.exit()).as(rule.err()).isZero();
            String ruleArn = json.readTree(rule.out()).path("RuleArn").asString();
            assertThat(ruleArn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/e2e-every-minute");
            lambda.addPermission(b -> b.functionName("e2e-scheduled")
                    .statementId("every-minute")
                    .action("lambda:InvokeFunction")
                    .principal("events.amazonaws.com")
                    .sourceArn(ruleArn));
            AwsCli.Result targets = aws(
                    "test",
                    "test",
                    "events",
                    "put-targets",
                    "--rule",
                    "e2e-every-minute",
                    "--targets",
                    "[{\"Id\":\"1\",\"Arn\":\"" + arn + "\"}]");
            assertThat(targets.exit()).as(targets.err()).isZero();
            assertThat(json.readTree(targets.out()).path("FailedEntryCount").asInt())
                    .isZero();

            JsonNode record = destinationRecord(
                    topic, r -> r.at("/requestContext/functionArn").asString().equals(arn + ":$LATEST"));
            assertThat(record.at("/requestPayload/detail-type").asString()).isEqualTo("Scheduled Event");
            assertThat(record.at("/requestPayload/source").asString()).isEqualTo("aws.events");
            assertThat(record.at("/requestPayload/resources/0").asString()).isEqualTo(ruleArn);
            assertThat(record.at("/requestContext/condition").asString()).isEqualTo("Success");
        } finally {
            aws("test", "test", "events", "remove-targets", "--rule", "e2e-every-minute", "--ids", "1");
            aws("test", "test", "events", "delete-rule", "--name", "e2e-every-minute");
            lambda.deleteFunction(b -> b.functionName("e2e-scheduled"));
        }
    }

    /** The Kafka topic the asynchronous checks' functions report their outcomes to. */
    private static final String DESTINATIONS = "ignis.destinations";

    /**
     * A python function whose asynchronous successes go to {@link #DESTINATIONS} as AWS's
     * invocation records (no retries); answers its ARN.
     */
    private static String pythonFunctionReportingTo(String name, String code) throws IOException {
        byte[] zip = TestStacks.zipOf("lambda_function.py", code);
        String arn = lambda.createFunction(b -> b.functionName(name)
                        .runtime(Runtime.PYTHON3_12)
                        .handler("lambda_function.lambda_handler")
                        .role("arn:aws:iam::000000000000:role/lambda")
                        .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))))
                .functionArn();
        lambda.putFunctionEventInvokeConfig(b -> b.functionName(name)
                .maximumRetryAttempts(0)
                .destinationConfig(d ->
                        d.onSuccess(o -> o.destination("arn:aws:kafka:us-east-1:000000000000:topic/" + DESTINATIONS))));
        return arn;
    }

    private static JsonNode destinationRecord(String topic, java.util.function.Predicate<JsonNode> wanted) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers",
                        stack.kafkaBootstrapServers(),
                        "group.id",
                        "e2e-" + java.util.UUID.randomUUID(),
                        "auto.offset.reset",
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<JsonNode> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(180)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    JsonNode record = json.readTree(r.value());
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.getFirst();
        }
    }

    @Test
    @Order(6)
    void theRestOfTheManagementApiAnswersThroughTheGatewayAsAwsDoes() throws Exception {
        ManagementApiChecks checks = new ManagementApiChecks(lambda);
        try {
            checks.architectures();
            checks.listFunctionsWithEveryVersion();
            checks.recursionAndRuntimeManagement();
            checks.layerVersionPermissions();
            checks.codeSigningConfigs();
        } finally {
            checks.cleanUp();
        }
    }

    @Test
    @Order(61)
    void theDashboardsQueryOnlyMetricsTheRunningServicesServe() throws Exception {
        // ProvisionedConcurrencyUtilization exists only for a version with provisioned concurrency.
        String version = lambda.publishVersion(b -> b.functionName("e2e-hello")).version();
        lambda.putProvisionedConcurrencyConfig(
                b -> b.functionName("e2e-hello").qualifier(version).provisionedConcurrentExecutions(1));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(getText(stack.serviceUrl("invocation"), "/actuator/prometheus"))
                        .contains("lambda_provisioned_concurrency_utilization{"));
        lambda.invoke(b -> b.functionName("e2e-hello").qualifier(version));

        Map<String, java.util.Set<String>> queried = new java.util.TreeMap<>(DashboardQueries.metricsByPanel());
        assertThat(queried).isNotEmpty();
        // Micrometer binds a Kafka client's per-topic metrics on its own refresh (a minute), after the first send.
        await().atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    java.util.Set<String> exposed = new java.util.TreeSet<>();
                    for (Component service : stack.services()) {
                        exposed.addAll(
                                DashboardQueries.exposed(getText(actuator(service.url()), "/actuator/prometheus")));
                    }
                    queried.forEach((metric, panels) -> assertThat(exposed)
                            .as("%s, queried by %s", metric, panels)
                            .contains(metric));
                });
    }

    @Test
    @Order(62)
    void theGatewayDescribesEveryRouteItForwardsInOneOpenApiDocument() throws Exception {
        JsonNode doc = get(stack.gatewayUrl(), "/v3/api-docs");
        assertThat(doc.has("x-ignis-unavailable"))
                .as(doc.path("x-ignis-unavailable").toString())
                .isFalse();
        List<String> paths = doc.path("paths").propertyNames().stream().toList();
        Map<String, List<String>> routes =
                GatewayRoutes.read(Path.of(System.getProperty("ignis.config-dir", "../config")));

        routes.forEach((route, patterns) -> assertThat(paths)
                .as("route %s (%s)", route, patterns)
                .anyMatch(path -> GatewayRoutes.forwards(patterns, path)));
        assertThat(paths)
                .as("only what a caller of the gateway can reach")
                .allMatch(path -> path.startsWith("/lambda-url/")
                        || routes.values().stream().anyMatch(patterns -> GatewayRoutes.forwards(patterns, path)));
        assertThat(paths)
                .contains(
                        "/2015-03-31/functions/{FunctionName}/invocations",
                        "/2015-03-31/functions",
                        "/2015-03-31/functions/{functionName}/aliases",
                        "/2016-08-19/account-settings",
                        "/lambda-url/{UrlId}/{Path}");
        HttpResponse<String> ui = http.send(
                TestStacks.signedGet(stack.gatewayUrl().resolve("/swagger-ui.html")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isIn(200, 302);
    }

    @Test
    @Order(70)
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
    @Order(80)
    void aSecondStackInTheSameHomeIsRefusedWithoutTouchingTheFirst() {
        LaunchOptions again = stack.options();
        assertThatThrownBy(() -> IgnisStack.start(again, line -> {})).hasMessageContaining("Ignis is already running");
        assertThat(stack.components()).allMatch(c -> c.process().isAlive());
    }

    @Test
    @Order(90)
    void closingTheStackLeavesNoProcessAndNoBoundPort() {
        List<ProcessHandle> processes = new ArrayList<>();
        stack.components().forEach(c -> {
            processes.add(c.process().handle());
            c.process().handle().descendants().forEach(processes::add);
        });
        stack.close();
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        ports.forEach((component, port) -> assertThat(TestStacks.isFree(port))
                .as(component + " port " + port)
                .isTrue());
        assertThat(TestStacks.isFree(ports.get("kafka") + 1))
                .as("kafka controller port")
                .isTrue();
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

    /** Signed through the gateway's public port; with the internal credential to any other. */
    private static String getText(URI base, String path) throws Exception {
        URI uri = base.resolve(path);
        HttpRequest request = base.equals(stack.gatewayUrl())
                ? TestStacks.signedGet(uri)
                : TestStacks.internalRequest(stack, uri).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
