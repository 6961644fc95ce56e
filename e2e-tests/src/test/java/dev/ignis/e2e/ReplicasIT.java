package dev.ignis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.launcher.Component;
import dev.ignis.launcher.IgnisStack;
import dev.ignis.launcher.LaunchOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
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
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * {@code ./ignis up --replicas invocation=2,gateway=2} through the launcher's own code path: every
 * function's invokes, through either gateway, run on the one invocation replica placement gives
 * it (warm environments stay there, nothing runs twice), and when that replica is killed its
 * functions run on the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final int FUNCTIONS = 6;

    @TempDir
    static Path home;

    static IgnisStack stack;
    static List<Component> invocations;
    static List<LambdaClient> gateways;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startStack() throws IOException {
        Map<String, Integer> ports = TestStacks.freePorts(List.of(
                "kafka",
                "function-registry",
                "invocation",
                "invocation-2",
                "async-queue",
                "event-source",
                "gateway",
                "gateway-2",
                "gateway" + LaunchOptions.MANAGEMENT_SUFFIX,
                "gateway-2" + LaunchOptions.MANAGEMENT_SUFFIX));
        stack = TestStacks.start(home, ports, Map.of("invocation", 2, "gateway", 2));
        invocations = stack.services().stream()
                .filter(c -> c.name().startsWith("invocation-service"))
                .toList();
        gateways = stack.services().stream()
                .filter(c -> c.name().startsWith("gateway-service"))
                .map(c -> LambdaClient.builder()
                        .endpointOverride(c.url())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                        .build())
                .toList();
    }

    @AfterAll
    static void stopStack() {
        if (gateways != null) {
            gateways.forEach(LambdaClient::close);
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theStackRunsTwoOfEachRequestedService() {
        assertThat(invocations)
                .extracting(Component::name)
                .containsExactly("invocation-service", "invocation-service-2");
        assertThat(gateways).hasSize(2);
    }

    @Test
    @Order(2)
    void everyFunctionRunsOnOneReplicaWhicheverGatewayIsAsked() throws Exception {
        byte[] zip = TestStacks.zipOf("lambda_function.py", "def lambda_handler(e, c):\n    return e\n");
        for (int i = 0; i < FUNCTIONS; i++) {
            String name = "replicated-" + i;
            gateways.get(i % 2).createFunction(b -> b.functionName(name)
                    .runtime(Runtime.PYTHON3_12)
                    .handler("lambda_function.lambda_handler")
                    .role("arn:aws:iam::000000000000:role/lambda")
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
        }
        for (LambdaClient gateway : gateways) {
            assertThat(gateway.listFunctions().functions()).hasSize(FUNCTIONS);
        }
        for (int i = 0; i < FUNCTIONS; i++) {
            String name = "replicated-" + i;
            for (int call = 0; call < 3; call++) {
                String payload = "{\"call\":" + call + "}";
                var response = gateways.get(call % 2)
                        .invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String(payload)));
                assertThat(response.functionError()).as(name).isNull();
                // Python's json.dumps writes "{"call": 0}".
                assertThat(response.payload().asUtf8String().replace(" ", "")).isEqualTo(payload);
            }
        }

        int[] perReplica = new int[invocations.size()];
        for (int i = 0; i < FUNCTIONS; i++) {
            String name = "replicated-" + i;
            List<Double> counts =
                    invocations.stream().map(r -> invocationsOf(r, name)).toList();
            assertThat(counts)
                    .as(name + " on each replica")
                    .containsOnlyOnce(3.0)
                    .containsOnly(3.0, 0.0);
            perReplica[counts.indexOf(3.0)]++;
            assertThat(initsOf(invocations.get(counts.indexOf(3.0)), name))
                    .as("one cold start: the warm environment served the rest")
                    .isEqualTo(1.0);
        }
        assertThat(perReplica).as("functions per replica").doesNotContain(0);
    }

    @Test
    @Order(3)
    void theFunctionsOfAKilledReplicaRunOnTheOther() throws Exception {
        Component killed = invocations.get(1);
        Component survivor = invocations.getFirst();
        List<String> moved = IntStream.range(0, FUNCTIONS)
                .mapToObj(i -> "replicated-" + i)
                .filter(name -> invocationsOf(killed, name) > 0)
                .toList();
        assertThat(moved).as("functions placed on the replica to kill").isNotEmpty();
        killed.process().handle().descendants().forEach(ProcessHandle::destroyForcibly);
        killed.process().handle().destroyForcibly();
        killed.process().handle().onExit().get();

        for (String name : moved) {
            for (LambdaClient gateway : gateways) {
                var response = gateway.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{}")));
                assertThat(response.statusCode()).as(name).isEqualTo(200);
                assertThat(response.functionError()).as(name).isNull();
            }
            assertThat(invocationsOf(survivor, name))
                    .as(name + " on the survivor")
                    .isEqualTo(2.0);
        }
    }

    private static double invocationsOf(Component replica, String function) {
        return sample(replica, "lambda_invocations_total", function);
    }

    private static double initsOf(Component replica, String function) {
        return sample(replica, "lambda_init_duration_seconds_count", function);
    }

    private static double sample(Component replica, String metric, String function) {
        String text;
        try {
            text = http.send(
                            TestStacks.internalRequest(stack, replica.url().resolve("/actuator/prometheus"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Matcher m = Pattern.compile(
                        "(?m)^" + metric + "\\{[^}]*function=\"" + Pattern.quote(function) + "\"[^}]*} ([0-9.E]+)$")
                .matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }
}
