package dev.ignis.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.placement.ReplicaRing;
import dev.ignis.gateway.FunctionBackend;
import dev.ignis.gateway.TestWiring;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
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

/**
 * A replica that is gone (its port refuses, as a killed pod's or one the StatefulSet has not started
 * yet): the functions it owned run on the next replica of the ring, each exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, topics = "ignis.registry.changes")
class ReplicaFailoverIT {

    static final FunctionBackend live = new FunctionBackend();
    static final int gonePort = closedPort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWiring.servicesAt(registry, "http://127.0.0.1:" + live.port());
        registry.add("ignis.placement.invocation-replicas[0]", () -> "http://127.0.0.1:" + live.port());
        registry.add("ignis.placement.invocation-replicas[1]", () -> "http://127.0.0.1:" + gonePort);
    }

    @LocalServerPort
    int port;

    @Autowired
    ReplicaRing ring;

    @AfterAll
    static void stop() {
        live.close();
    }

    @Test
    void functionsOfAReplicaThatIsGoneRunOnTheNextOneOnce() {
        String orphan = IntStream.range(0, 1000)
                .mapToObj(i -> "orphan-" + i)
                .filter(name -> ring.preference(name).getFirst().getPort() == gonePort)
                .findFirst()
                .orElseThrow();
        try (LambdaClient lambda = LambdaClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build()) {
            int before = live.invocations.get();

            var response = lambda.invoke(r -> r.functionName(orphan).payload(SdkBytes.fromUtf8String("{\"n\":7}")));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.payload().asUtf8String()).isEqualTo("{\"n\":7}");
            assertThat(live.invocations.get() - before).isEqualTo(1);
            assertThat(live.lastPath).isEqualTo("/2015-03-31/functions/" + orphan + "/invocations");
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
