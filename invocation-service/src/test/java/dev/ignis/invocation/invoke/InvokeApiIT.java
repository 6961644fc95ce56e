package dev.ignis.invocation.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ignis.invocation.support.EngineIT;
import dev.ignis.invocation.support.Packages;
import dev.ignis.invocation.support.RegistryFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The Invoke API's wire contract: qualifiers, DryRun, AWS's errors, logs on Kafka, metrics. */
class InvokeApiIT extends EngineIT {

    private static final String CODE =
            """
            import os
            calls = 0
            def handler(event, context):
                global calls
                calls += 1
                if event.get("big"):
                    return "x" * 7000000
                return {"calls": calls, "version": context.function_version, "tag": os.environ.get("TAG")}
            """;

    private final HttpClient http = HttpClient.newHttpClient();

    @org.springframework.beans.factory.annotation.Autowired
    dev.ignis.invocation.environment.Environments environments;

    private RegistryFixture.FunctionSpec spec(String name, String tag) {
        return registry()
                .function(
                        name,
                        "python3.12",
                        "app.handler",
                        Packages.zip().file("app.py", CODE).bytes())
                .environment(Map.of("TAG", tag));
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownFunctionIs404WithAwsMessage() throws Exception {
        assertThatThrownBy(() -> invoke("no-such-function", "{}"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining(
                        "Function not found: arn:aws:lambda:us-east-1:000000000000:function:no-such-function");
        HttpResponse<String> raw = post("/2015-03-31/functions/nope/invocations?Qualifier=7", "{}", Map.of());
        assertThat(raw.statusCode()).isEqualTo(404);
        assertThat(raw.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException");
        assertThat(raw.body())
                .isEqualTo("{\"Type\":\"User\",\"message\":\"Function not found: "
                        + "arn:aws:lambda:us-east-1:000000000000:function:nope:7\"}");
    }

    @Test
    void aFunctionTheViewHasNotSeenYetIsReadThroughFromTheRegistry() {
        String name = unique("api-fresh");
        spec(name, "fresh").commitUnpublished();
        assertThat(functionView.resolve(dev.ignis.contracts.arn.FunctionRef.of(name)))
                .isEmpty();
        assertThat(invoke(name, "{}").payload().asUtf8String()).contains("\"tag\": \"fresh\"");
        assertThat(functionView.resolve(dev.ignis.contracts.arn.FunctionRef.of(name)))
                .isPresent();
    }

    @Test
    void badJsonIsInvalidRequestContent() throws Exception {
        String name = unique("api");
        deploy(spec(name, "a"));
        HttpResponse<String> raw = post("/2015-03-31/functions/" + name + "/invocations", "{not json", Map.of());
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(raw.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidRequestContentException");
        assertThat(raw.body()).startsWith("{\"Type\":\"User\",\"message\":\"Could not parse request body into json");
    }

    @Test
    void requestsOverSixMegabytesAreRefused() {
        String name = unique("api");
        deploy(spec(name, "a"));
        String big = "\"" + "a".repeat(6_291_456) + "\"";
        assertThatThrownBy(() -> invoke(name, big))
                .isInstanceOf(RequestTooLargeException.class)
                .hasMessageContaining("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
    }

    @Test
    void oversizedResponsesAreTheFunctionsError() {
        String name = unique("api");
        deploy(spec(name, "a"));
        InvokeResponse response = invoke(name, "{\"big\":true}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String())
                .contains("\"errorType\":\"Function.ResponseSizeTooLarge\"")
                .contains("Response payload size exceeded maximum allowed payload size (6291556 bytes).");
    }

    @Test
    void dryRunChecksWithoutRunning() {
        String name = unique("api");
        deploy(spec(name, "a"));
        InvokeResponse response = lambda.invoke(InvokeRequest.builder()
                .functionName(name)
                .invocationType(InvocationType.DRY_RUN)
                .build());
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(invoke(name, "{}").payload().asUtf8String()).contains("\"calls\": 1");
    }

    @Test
    void qualifiersPickVersionsAndAliasesRouteByWeight() {
        String name = unique("api");
        RegistryFixture.FunctionSpec one = spec(name, "one");
        deploy(one);
        one.publishVersion("1");
        RegistryFixture.FunctionSpec two = spec(name, "two");
        two.publishVersion("2");
        registry().alias(name, "live", "1", Map.of("2", 0.5));
        registry().alias(name, "stable", "1", Map.of());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> functionView
                                .resolve(dev.ignis.contracts.arn.FunctionRef.parse(name + ":stable"))
                                .isPresent()
                        && functionView
                                .resolve(dev.ignis.contracts.arn.FunctionRef.parse(name + ":2"))
                                .isPresent()
                        && functionView
                                .resolve(dev.ignis.contracts.arn.FunctionRef.parse(name + ":live"))
                                .isPresent());

        InvokeResponse pinned = lambda.invoke(InvokeRequest.builder()
                .functionName(name)
                .qualifier("2")
                .payload(SdkBytes.fromUtf8String("{}"))
                .build());
        assertThat(pinned.executedVersion()).isEqualTo("2");
        assertThat(pinned.payload().asUtf8String()).contains("\"tag\": \"two\"");
        InvokeResponse stable = invoke(name + ":stable", "{}");
        assertThat(stable.executedVersion()).isEqualTo("1");
        assertThat(stable.payload().asUtf8String()).contains("\"version\": \"1\"");

        Set<String> executed = new HashSet<>();
        for (int i = 0; i < 40 && executed.size() < 2; i++) {
            executed.add(invoke(name + ":live", "{}").executedVersion());
        }
        assertThat(executed).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void aConfigurationChangeSendsInvokesToNewEnvironments() {
        String name = unique("api");
        deploy(spec(name, "old"));
        assertThat(invoke(name, "{}").payload().asUtf8String())
                .contains("\"calls\": 1")
                .contains("old");
        assertThat(invoke(name, "{}").payload().asUtf8String()).contains("\"calls\": 2");
        deploy(spec(name, "new"));
        assertThat(invoke(name, "{}").payload().asUtf8String())
                .contains("\"calls\": 1")
                .contains("new");
        // the old environment is drained, not kept until it idles out
        await().atMost(Duration.ofSeconds(10))
                .until(() -> environments.counts().getOrDefault(name + ":$LATEST", 0) == 1);
    }

    @Test
    void deletingAFunctionShutsDownItsEnvironments() {
        String name = unique("api");
        deploy(spec(name, "doomed"));
        invoke(name, "{}");
        assertThat(environments.counts()).containsEntry(name + ":$LATEST", 1);
        registry().tombstone(dev.ignis.contracts.registry.ResourceType.FUNCTION, RegistryFixture.arn(name));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !environments.counts().containsKey(name + ":$LATEST"));
    }

    @Test
    void everyLogLineIsPublishedAndMetricsCount() throws Exception {
        String name = unique("api");
        deploy(spec(name, "a"));
        String requestId = invoke(name, "{}").responseMetadata().requestId();
        List<String> lines = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers", System.getProperty("spring.embedded.kafka.brokers"),
                        "group.id", unique("logs"),
                        "auto.offset.reset", "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(LOGS));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals("/aws/lambda/" + name)) {
                        lines.add(record.value());
                    }
                }
                return lines.stream().anyMatch(l -> l.contains("REPORT RequestId: " + requestId));
            });
        }
        assertThat(lines)
                .anyMatch(l -> l.contains("\"message\":\"START RequestId: " + requestId + " Version: $LATEST\"")
                        && l.contains("\"requestId\":\"" + requestId + "\"")
                        && l.contains("\"logGroup\":\"/aws/lambda/" + name + "\""));

        String metrics = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .body();
        assertThat(metrics).containsPattern("lambda_invocations_total\\{.*function=\"" + name + "\".*} 1.0");
        assertThat(metrics).contains("lambda_duration_seconds_count{").contains("function=\"" + name + "\"");
        // Histogram buckets (config/application.yml) so percentiles can be drawn across replicas.
        String series = "\\{application=\"invocation-service\",function=\"" + name + "\",version=\"\\$LATEST\",le=";
        assertThat(metrics)
                .containsPattern("lambda_duration_seconds_bucket" + series + "\"0\\.001\"} 0")
                .containsPattern("lambda_duration_seconds_bucket" + series + "\"900\\.0\"} 1")
                .containsPattern("lambda_duration_seconds_bucket" + series + "\"\\+Inf\"} 1")
                .containsPattern("lambda_init_duration_seconds_bucket" + series + "\"10\\.0\"} 1")
                .containsPattern("(?m)^lambda_unreserved_concurrent_executions\\{.*} 0\\.0$")
                .containsPattern("(?m)^ignis_environments\\{.*} [1-9][0-9]*\\.0$");
    }
}
