package dev.ignis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ignis.launcher.Component;
import dev.ignis.launcher.IgnisStack;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQS and Kinesis triggers made with the AWS CLI, as a new user makes them on a stack of {@code ./ignis
 * up --sqs --kinesis}: a queue on its ElasticMQ and a stream on its kinesalite, each mapped through the
 * gateway to a python function that prints every record it gets; what was sent before the mapping
 * existed and after it turned {@code Enabled} shows up in the function's log lines. The mappings stay
 * until {@link #cleanUp}, so that the dashboards' check finds the meters their pollers serve.
 */
final class QueueAndStreamTriggerChecks {

    private static final String ROLE = "arn:aws:iam::000000000000:role/lambda";
    private static final String ACCOUNT = "000000000000";

    private final IgnisStack stack;
    private final AwsCli cli;
    private final Path home;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> mappings = new ArrayList<>();
    private final List<String> functions = new ArrayList<>();
    private final List<String> queueUrls = new ArrayList<>();
    private final List<String> streams = new ArrayList<>();

    QueueAndStreamTriggerChecks(IgnisStack stack, Path home) {
        this.stack = stack;
        this.home = home;
        this.cli = new AwsCli(home);
    }

    /**
     * A standard queue with a batch size of 5: every message body reaches the function in an {@code
     * aws:sqs} record, the queue is empty afterwards, and the mapping says {@code Enabled} and OK.
     */
    void sqsMessagesReachTheFunctionAndLeaveTheQueue() throws Exception {
        String queueUrl = ok(sqs("create-queue", "--queue-name", "e2e-queue"))
                .path("QueueUrl")
                .asString();
        queueUrls.add(queueUrl);
        String queueArn = ok(sqs("get-queue-attributes", "--queue-url", queueUrl, "--attribute-names", "QueueArn"))
                .at("/Attributes/QueueArn")
                .asString();
        assertThat(queueArn).isEqualTo("arn:aws:sqs:us-east-1:" + ACCOUNT + ":e2e-queue");
        ok(sqs("send-message", "--queue-url", queueUrl, "--message-body", "e2e-sqs-1"));

        createFunction(
                "e2e-sqs",
                "def lambda_handler(event, context):\n"
                        + "    for r in event['Records']:\n"
                        + "        print('sqs record', r['eventSource'], r['body'])\n"
                        + "    return {}\n");
        String uuid = createMapping("e2e-sqs", "--event-source-arn", queueArn, "--batch-size", "5");
        for (int i = 2; i <= 3; i++) {
            ok(sqs("send-message", "--queue-url", queueUrl, "--message-body", "e2e-sqs-" + i));
        }

        FunctionLogs.awaitLines(
                stack.kafkaBootstrapServers(),
                Duration.ofSeconds(90),
                "sqs record aws:sqs e2e-sqs-1",
                "sqs record aws:sqs e2e-sqs-2",
                "sqs record aws:sqs e2e-sqs-3");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode counts = ok(sqs(
                            "get-queue-attributes",
                            "--queue-url",
                            queueUrl,
                            "--attribute-names",
                            "ApproximateNumberOfMessages",
                            "ApproximateNumberOfMessagesNotVisible"))
                    .path("Attributes");
            assertThat(counts.path("ApproximateNumberOfMessages").asString()).isEqualTo("0");
            assertThat(counts.path("ApproximateNumberOfMessagesNotVisible").asString())
                    .isEqualTo("0");
        });
        JsonNode mapping = mapping(uuid);
        assertThat(mapping.path("State").asString()).isEqualTo("Enabled");
        assertThat(mapping.path("LastProcessingResult").asString()).isEqualTo("OK");
        assertThat(mapping.path("BatchSize").asInt()).isEqualTo(5);
        assertThat(mapping.path("EventSourceArn").asString()).isEqualTo(queueArn);
    }

    /**
     * A one-shard stream read from TRIM_HORIZON: the record put before the mapping existed and those
     * put after reach the function in {@code aws:kinesis} records whose data decodes to what was put.
     */
    void kinesisRecordsReachTheFunctionFromTheTrimHorizon() throws Exception {
        ok(kinesis("create-stream", "--stream-name", "e2e-stream", "--shard-count", "1"));
        streams.add("e2e-stream");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> kinesis("describe-stream-summary", "--stream-name", "e2e-stream")
                        .out()
                        .contains("\"ACTIVE\""));
        String streamArn = ok(kinesis("describe-stream-summary", "--stream-name", "e2e-stream"))
                .at("/StreamDescriptionSummary/StreamARN")
                .asString();
        assertThat(streamArn).isEqualTo("arn:aws:kinesis:us-east-1:" + ACCOUNT + ":stream/e2e-stream");
        putRecord("key-1", "e2e-kinesis-1");

        createFunction(
                "e2e-kinesis",
                "import base64\n"
                        + "def lambda_handler(event, context):\n"
                        + "    for r in event['Records']:\n"
                        + "        data = base64.b64decode(r['kinesis']['data']).decode()\n"
                        + "        print('kinesis record', r['eventSource'], r['kinesis']['partitionKey'], data)\n"
                        + "    return {}\n");
        String uuid = createMapping(
                "e2e-kinesis",
                "--event-source-arn",
                streamArn,
                "--starting-position",
                "TRIM_HORIZON",
                "--batch-size",
                "10");
        putRecord("key-2", "e2e-kinesis-2");
        putRecord("key-3", "{\"order\":3}");

        FunctionLogs.awaitLines(
                stack.kafkaBootstrapServers(),
                Duration.ofSeconds(90),
                "kinesis record aws:kinesis key-1 e2e-kinesis-1",
                "kinesis record aws:kinesis key-2 e2e-kinesis-2",
                "kinesis record aws:kinesis key-3 {\"order\":3}");
        JsonNode mapping = mapping(uuid);
        assertThat(mapping.path("State").asString()).isEqualTo("Enabled");
        assertThat(mapping.path("LastProcessingResult").asString()).isEqualTo("OK");
        assertThat(mapping.path("StartingPosition").asString()).isEqualTo("TRIM_HORIZON");
        assertThat(mapping.path("EventSourceArn").asString()).isEqualTo(streamArn);
    }

    /** Deletes the mappings (each gone once the registry says so), the functions, the queue and the stream. */
    void cleanUp() throws Exception {
        for (String uuid : mappings) {
            ok(lambda("delete-event-source-mapping", "--uuid", uuid));
        }
        for (String uuid : mappings) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                            lambda("get-event-source-mapping", "--uuid", uuid).err())
                    .contains("ResourceNotFoundException"));
        }
        for (String function : functions) {
            ok(lambda("delete-function", "--function-name", function));
        }
        for (String queueUrl : queueUrls) {
            ok(sqs("delete-queue", "--queue-url", queueUrl));
        }
        for (String stream : streams) {
            ok(kinesis("delete-stream", "--stream-name", stream));
        }
    }

    private void createFunction(String name, String code) throws Exception {
        Path zip = home.resolve(name + ".zip");
        Files.write(zip, TestStacks.zipOf("lambda_function.py", code));
        ok(lambda(
                "create-function",
                "--function-name",
                name,
                "--runtime",
                "python3.12",
                "--handler",
                "lambda_function.lambda_handler",
                "--role",
                ROLE,
                "--zip-file",
                "fileb://" + zip));
        functions.add(name);
    }

    /** Creates a mapping, which answers {@code Creating}, and waits until its poller made it {@code Enabled}. */
    private String createMapping(String function, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("create-event-source-mapping", "--function-name", function));
        args.addAll(List.of(options));
        JsonNode created = ok(lambda(args.toArray(String[]::new)));
        String uuid = created.path("UUID").asString();
        mappings.add(uuid);
        assertThat(created.path("State").asString()).isEqualTo("Creating");
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(mapping(uuid).path("State").asString())
                        .as("%s", mapping(uuid))
                        .isEqualTo("Enabled"));
        return uuid;
    }

    private JsonNode mapping(String uuid) throws Exception {
        return ok(lambda("get-event-source-mapping", "--uuid", uuid));
    }

    private void putRecord(String partitionKey, String data) throws Exception {
        ok(kinesis(
                "put-record",
                "--stream-name",
                "e2e-stream",
                "--partition-key",
                partitionKey,
                "--cli-binary-format",
                "raw-in-base64-out",
                "--data",
                data));
    }

    private JsonNode ok(AwsCli.Result result) {
        assertThat(result.exit()).as(result.err()).isZero();
        return result.out().isBlank() ? json.createObjectNode() : json.readTree(result.out());
    }

    private AwsCli.Result lambda(String... args) throws Exception {
        return run(stack.gatewayUrl(), "lambda", args);
    }

    private AwsCli.Result sqs(String... args) throws Exception {
        return run(endpointOf(Component::isSqs), "sqs", args);
    }

    private AwsCli.Result kinesis(String... args) throws Exception {
        return run(endpointOf(Component::isKinesis), "kinesis", args);
    }

    private AwsCli.Result run(URI endpoint, String service, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(service));
        command.addAll(List.of(args));
        return cli.run(endpoint, "test", "test", command.toArray(String[]::new));
    }

    private URI endpointOf(Predicate<Component> kind) {
        return stack.components().stream()
                .filter(kind)
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("The stack runs without it: start it with --sqs --kinesis"))
                .url();
    }
}
