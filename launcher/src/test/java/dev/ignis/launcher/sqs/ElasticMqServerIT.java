package dev.ignis.launcher.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.launcher.health.HealthProbe;
import dev.ignis.launcher.process.ChildProcess;
import dev.ignis.launcher.process.JavaCommand;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ElasticMQ of {@code ./ignis up --sqs} as the launcher starts it: a child JVM on the launcher's
 * packaged class path (target/lib, where Kafka's and ElasticMQ's jars meet), answering the SQS API
 * on loopback with queue ARNs in the stack's region and account, and gone once stopped.
 */
class ElasticMqServerIT {

    @TempDir
    Path home;

    @Test
    void servesTheSqsApiOnLoopbackWithTheStacksRegionAndAccount() throws Exception {
        int port = freePort();
        ElasticMqServer server = new ElasticMqServer(port, "eu-west-1", "123456789012");
        Path target = Path.of("target").toAbsolutePath();
        ChildProcess process = server.start(
                JavaCommand.ofCurrentJvm(),
                List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                target.resolve("launcher.jar")
                        + File.pathSeparator
                        + target.resolve("lib").resolve("*"),
                home,
                home.resolve("sqs.log"));
        try {
            assertThat(server.awaitReady(Duration.ofSeconds(60), process)).isTrue();
            assertThat(server.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + port));

            String created = query(server.endpoint(), "Action=CreateQueue&QueueName=orders");
            String arn = query(
                    server.endpoint(),
                    "Action=GetQueueAttributes&QueueUrl=" + server.endpoint() + "/123456789012/orders"
                            + "&AttributeName.1=QueueArn");

            assertThat(created).contains("<QueueUrl>" + server.endpoint() + "/123456789012/orders</QueueUrl>");
            assertThat(arn).contains("arn:aws:sqs:eu-west-1:123456789012:orders");
        } finally {
            process.awaitExit(Duration.ofSeconds(20));
        }
        assertThat(HealthProbe.isListening("127.0.0.1", port)).isFalse();
    }

    /** The SQS query protocol, which every SQS server still takes: no SDK in the launcher. */
    private static String query(URI endpoint, String form) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(endpoint)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
