package dev.ignis.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.placement.ReplicaRing;
import dev.ignis.gateway.FunctionBackend;
import dev.ignis.gateway.TestWiring;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Two real HTTP servers as invocation-service replicas behind the real gateway, invoked with the
 * AWS SDK: a function always lands on its owner, and spills to the other replica when the owner
 * answers 429, with the caller seeing only the second answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, topics = "ignis.registry.changes")
class ReplicaRoutingIT {

    static final FunctionBackend first = new FunctionBackend();
    static final FunctionBackend second = new FunctionBackend();
    static final byte[] THROTTLED =
            "{\"Reason\":\"ConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}"
                    .getBytes(StandardCharsets.UTF_8);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWiring.servicesAt(registry, url(first));
        registry.add("ignis.placement.invocation-replicas[0]", () -> url(first));
        registry.add("ignis.placement.invocation-replicas[1]", () -> url(second));
    }

    @LocalServerPort
    int port;

    @Autowired
    ReplicaRing ring;

    LambdaClient lambda;

    @BeforeEach
    void client() {
        first.function = event -> new FunctionBackend.Answer(200, Map.of(), "\"first\"".getBytes());
        second.function = event -> new FunctionBackend.Answer(200, Map.of(), "\"second\"".getBytes());
        lambda = LambdaClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    @Test
    void eachFunctionGoesToItsOwnerWhateverFormItsNameTakes() {
        for (String function : List.of("alpha", "beta", "gamma", "delta", "epsilon")) {
            String owner = ring.preference(function).getFirst().getPort() == first.port() ? "\"first\"" : "\"second\"";
            for (String name : List.of(
                    function, function + ":$LATEST", "arn:aws:lambda:us-east-1:000000000000:function:" + function)) {
                InvokeResponse response =
                        lambda.invoke(r -> r.functionName(name).payload(SdkBytes.fromUtf8String("{}")));
                assertThat(response.payload().asUtf8String()).as(name).isEqualTo(owner);
            }
        }
    }

    @Test
    void aFullOwnerSpillsToTheNextReplicaWithTheSameBody() {
        String function = "spill";
        FunctionBackend owner = ring.preference(function).getFirst().getPort() == first.port() ? first : second;
        FunctionBackend next = owner == first ? second : first;
        owner.function = event ->
                new FunctionBackend.Answer(429, Map.of("x-amzn-ErrorType", "TooManyRequestsException"), THROTTLED);
        next.function = event -> new FunctionBackend.Answer(200, Map.of(), event);

        InvokeResponse response =
                lambda.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String("{\"n\":42}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.payload().asUtf8String()).isEqualTo("{\"n\":42}");
        assertThat(new String(owner.lastEvent, StandardCharsets.UTF_8)).isEqualTo("{\"n\":42}");
    }

    @Test
    void whenEveryReplicaIsFullTheCallerGetsTheLast429() {
        first.function = event ->
                new FunctionBackend.Answer(429, Map.of("x-amzn-ErrorType", "TooManyRequestsException"), THROTTLED);
        second.function = first.function;

        TooManyRequestsException throttled = org.assertj.core.api.Assertions.catchThrowableOfType(
                TooManyRequestsException.class,
                () -> lambda.invoke(r -> r.functionName("full").payload(SdkBytes.fromUtf8String("{}"))));

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.reason().toString()).isEqualTo("ConcurrentInvocationLimitExceeded");
    }

    private static String url(FunctionBackend backend) {
        return "http://127.0.0.1:" + backend.port();
    }
}
