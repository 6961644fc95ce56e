package dev.ignis.launcher.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignis.launcher.StartupException;
import dev.ignis.launcher.health.HealthProbe;
import dev.ignis.launcher.process.ChildProcess;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kinesalite of {@code ./ignis up --kinesis} as the launcher starts it: installed with npm into a
 * cache (here a fresh one: npm's own cache keeps the download after the first run), answering the
 * Kinesis JSON API on loopback and nowhere else, streams active at once with ARNs in the stack's region
 * and account, and gone once stopped. Needs Node.js and npm on the PATH.
 */
class KinesaliteServerIT {

    @TempDir
    Path home;

    @TempDir
    Path cache;

    @Test
    void servesTheKinesisApiOnLoopbackOnlyWithTheStacksRegionAndAccountAndStopsWithItsProcess() throws Exception {
        int port = freePort();
        KinesaliteServer server = new KinesaliteServer(port, "3.3.3", cache, "eu-west-1", "123456789012");
        List<String> console = new ArrayList<>();
        server.installIfMissing(console::add);
        server.installIfMissing(console::add);
        assertThat(server.isInstalled()).isTrue();
        assertThat(console)
                .as("installed once, and said so")
                .containsExactly("Installing kinesalite 3.3.3 with npm into " + cache.resolve("kinesalite-3.3.3")
                        + " (once) ...");

        ChildProcess process = server.start(home, home.resolve("kinesis.log"));
        try {
            assertThat(server.awaitReady(Duration.ofSeconds(30), process)).isTrue();
            assertThat(server.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + port));

            call(server.endpoint(), "CreateStream", "{\"StreamName\":\"orders\",\"ShardCount\":1}");
            String described = call(server.endpoint(), "DescribeStreamSummary", "{\"StreamName\":\"orders\"}");

            assertThat(described)
                    .contains("\"StreamStatus\":\"ACTIVE\"")
                    .contains("\"StreamARN\":\"arn:aws:kinesis:eu-west-1:123456789012:stream/orders\"");
            nonLoopbackAddress()
                    .ifPresent(address -> assertThat(HealthProbe.isListening(address.getHostAddress(), port))
                            .as("listening on %s", address)
                            .isFalse());
        } finally {
            process.awaitExit(Duration.ofSeconds(20));
        }
        assertThat(process.isAlive()).isFalse();
        assertThat(HealthProbe.isListening("127.0.0.1", port)).isFalse();
    }

    @Test
    void aVersionNpmCannotInstallStopsTheStartNamingTheInstallLog() {
        KinesaliteServer server =
                new KinesaliteServer(freePortUnchecked(), "0.0.0-ignis-missing", cache, "us-east-1", "0");

        assertThatThrownBy(() -> server.installIfMissing(line -> {}))
                .isInstanceOf(StartupException.class)
                .hasMessage("npm install kinesalite@0.0.0-ignis-missing failed; see "
                        + cache.resolve("kinesalite-0.0.0-ignis-missing").resolve("npm-install.log"));
        assertThat(server.isInstalled()).isFalse();
    }

    /** Kinesis's JSON protocol, which kinesalite speaks without any signature check. */
    private static String call(URI endpoint, String action, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(endpoint)
                                .header("Content-Type", "application/x-amz-json-1.1")
                                .header("X-Amz-Target", "Kinesis_20131202." + action)
                                .header(
                                        "Authorization",
                                        "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/kinesis/aws4_request,"
                                                + " SignedHeaders=host, Signature=0")
                                .header("X-Amz-Date", "20260101T000000Z")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
    }

    private static int freePortUnchecked() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
