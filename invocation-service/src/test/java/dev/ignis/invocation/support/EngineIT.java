package dev.ignis.invocation.support;

import static org.awaitility.Awaitility.await;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.invocation.catalog.FunctionCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * The invocation service running for real — Tomcat, a real Kafka broker, real runtime processes
 * in the configured sandbox — driven by the AWS SDK for Java v2. Subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@EmbeddedKafka(
        partitions = 1,
        topics = {EngineIT.CHANGES, EngineIT.LOGS})
public abstract class EngineIT {

    public static final String CHANGES = "ignis.registry.changes";
    public static final String LOGS = "ignis.function.logs";

    private static final Path HOME = tempHome();
    /** Fixed up front, so that the sandbox knows the service's own port as one of the platform's. */
    private static final int PORT = freePort();

    private static RegistryFixture registry;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        properties.add("ignis.home", HOME::toString);
        properties.add("ignis.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        properties.add("ignis.invocation.registry-url", () -> registry().url());
        properties.add("server.port", () -> PORT);
        String self = "http://localhost:" + PORT;
        properties.add("ignis.services.invocation", () -> self);
        // The Invoke API speaks the gateway's wire format: here it plays the public door.
        properties.add("ignis.services.gateway", () -> self);
        properties.add(
                "ignis.invocation.sandbox.network.platform-addresses",
                () -> String.join(",", registry().url(), System.getProperty("spring.embedded.kafka.brokers")));
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static synchronized RegistryFixture registry() {
        if (registry == null) {
            try {
                registry = new RegistryFixture(
                        System.getProperty("spring.embedded.kafka.brokers"),
                        CHANGES,
                        HOME.resolve("data/secrets/env.key"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return registry;
    }

    private static Path tempHome() {
        try {
            Path home = Files.createTempDirectory("ignis-engine-it");
            Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(home)));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: the JVM is going away
        }
    }

    protected static Path home() {
        return HOME;
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected FunctionCatalog functionView;

    protected LambdaClient lambda;

    @BeforeEach
    void client() {
        lambda = LambdaClient.builder()
                .endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(60))
                        .retryStrategy(software.amazon.awssdk.retries.DefaultRetryStrategy.doNotRetry())
                        .build())
                .build();
    }

    @AfterEach
    void closeClient() {
        lambda.close();
    }

    /** A function name no other test uses. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes the function and waits until this service's view has it. */
    protected FunctionSnapshot deploy(RegistryFixture.FunctionSpec spec) {
        FunctionSnapshot snapshot = spec.publish();
        awaitRevision(snapshot);
        return snapshot;
    }

    protected void awaitRevision(FunctionSnapshot snapshot) {
        FunctionRef ref = FunctionRef.parse(snapshot.functionArn());
        await().atMost(Duration.ofSeconds(20)).until(() -> functionView
                .resolve(ref)
                .map(f -> f.revisionId().equals(snapshot.revisionId()))
                .orElse(false));
    }

    protected InvokeResponse invoke(String function, String payload) {
        return lambda.invoke(InvokeRequest.builder()
                .functionName(function)
                .payload(SdkBytes.fromString(payload, StandardCharsets.UTF_8))
                .build());
    }

    protected InvokeResponse invokeWithTail(String function, String payload) {
        return lambda.invoke(InvokeRequest.builder()
                .functionName(function)
                .logType(LogType.TAIL)
                .payload(SdkBytes.fromString(payload, StandardCharsets.UTF_8))
                .build());
    }

    protected static String tail(InvokeResponse response) {
        return new String(java.util.Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
    }
}
