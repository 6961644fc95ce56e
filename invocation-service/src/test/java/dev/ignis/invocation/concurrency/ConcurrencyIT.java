package dev.ignis.invocation.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.invocation.environment.Environments;
import dev.ignis.invocation.support.EngineIT;
import dev.ignis.invocation.support.Packages;
import dev.ignis.invocation.support.RegistryFixture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reserved concurrency throttles with AWS's 429; provisioned concurrency initialises ahead. */
class ConcurrencyIT extends EngineIT {

    private static final String CODE =
            """
            import os, time
            def handler(event, context):
                time.sleep(event.get("sleep", 0))
                return os.environ["AWS_LAMBDA_INITIALIZATION_TYPE"]
            """;

    @Autowired
    Environments environments;

    private RegistryFixture.FunctionSpec spec(String name) {
        return registry()
                .function(
                        name,
                        "python3.12",
                        "app.handler",
                        Packages.zip().file("app.py", CODE).bytes());
    }

    private void awaitReservation(String name, int reserved) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(reserved)
                .equals(functionView.reservations().get(RegistryFixture.arn(name))));
    }

    @Test
    void reservedConcurrencyOfZeroThrottlesEveryInvoke() {
        String name = unique("cc");
        deploy(spec(name));
        registry().reserve(name, 0);
        awaitReservation(name, 0);
        assertThatThrownBy(() -> invoke(name, "{}")).isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(429);
            assertThat(e.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
        });
        registry().unreserve(name);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !functionView.reservations().containsKey(RegistryFixture.arn(name)));
        assertThat(invoke(name, "{}").payload().asUtf8String()).isEqualTo("\"on-demand\"");
    }

    @Test
    void aFunctionRunsAtMostItsReservedConcurrency() throws Exception {
        String name = unique("cc");
        deploy(spec(name));
        registry().reserve(name, 1);
        awaitReservation(name, 1);
        CompletableFuture<InvokeResponse> slow = CompletableFuture.supplyAsync(() -> invoke(name, "{\"sleep\": 2}"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> environments.counts().getOrDefault(name + ":$LATEST", 0) == 1);
        Thread.sleep(300); // the slow invoke is inside its environment now
        assertThatThrownBy(() -> invoke(name, "{}"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.reasonAsString())
                        .isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded"));
        assertThat(slow.get().functionError()).isNull();
        assertThat(invoke(name, "{}").functionError()).isNull();
    }

    @Test
    void provisionedConcurrencyKeepsInitialisedEnvironmentsReady() {
        String name = unique("pc");
        RegistryFixture.FunctionSpec spec = spec(name);
        deploy(spec);
        spec.publishVersion("1");
        registry().provision(name, "1", 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> environments.counts().getOrDefault(name + ":1", 0) == 2);
        InvokeResponse response = invokeWithTail(name + ":1", "{}");
        assertThat(response.payload().asUtf8String()).isEqualTo("\"provisioned-concurrency\"");
        assertThat(tail(response)).contains("REPORT RequestId").doesNotContain("Init Duration");
        assertThat(environments.counts().get(name + ":1")).isEqualTo(2);
        String metrics = org.springframework.web.client.RestClient.create("http://localhost:" + port)
                .get()
                .uri("/actuator/prometheus")
                .retrieve()
                .body(String.class);
        assertThat(metrics)
                .containsPattern(
                        "lambda_provisioned_concurrency_utilization\\{.*function=\"" + name + "\".*version=\"1\"}");
        // $LATEST is not provisioned: on demand
        assertThat(invoke(name, "{}").payload().asUtf8String()).isEqualTo("\"on-demand\"");
    }

    @Test
    void provisionedConcurrencyIsServedOnlyOnceItsEnvironmentsAreInitialised() {
        String name = unique("pcready");
        RegistryFixture.FunctionSpec spec = registry()
                .function(
                        name,
                        "python3.12",
                        "app.handler",
                        Packages.zip()
                                .file(
                                        "app.py",
                                        """
                                        import os, time
                                        if os.environ["AWS_LAMBDA_INITIALIZATION_TYPE"] == "provisioned-concurrency":
                                            time.sleep(5)
                                        def handler(event, context):
                                            return "ok"
                                        """)
                                .bytes());
        deploy(spec);
        spec.publishVersion("1");
        String key = ResourceType.PROVISIONED_CONCURRENCY.keyFor(RegistryFixture.arn(name) + ":1");

        registry().provision(name, "1", 2);

        JsonNode arrived = await().atMost(Duration.ofSeconds(20))
                .until(() -> applied(key), a -> a.path("holds").asBoolean());
        assertThat(arrived.path("applied").asBoolean())
                .as("the config is in the view, its environments are still initialising")
                .isFalse();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> applied(key).path("applied").asBoolean());
        assertThat(environments.counts().get(name + ":1")).isEqualTo(2);
    }

    private JsonNode applied(String key) {
        return JsonMapper.builder()
                .build()
                .readTree(org.springframework.web.client.RestClient.create("http://localhost:" + port)
                        .get()
                        .uri(b -> b.path("/ignis/v1/registry-view/applied")
                                .queryParam("key", key)
                                .queryParam("sequence", 0)
                                .build())
                        .retrieve()
                        .body(String.class));
    }
}
