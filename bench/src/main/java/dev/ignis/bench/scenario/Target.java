package dev.ignis.bench.scenario;

import dev.ignis.bench.driver.RawHttpClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The Invoke API under test (invocation-service directly, or the gateway). */
public record Target(String label, URI uri) {

    public String host() {
        return uri.getHost();
    }

    public int port() {
        return uri.getPort();
    }

    public static String invokePath(String function) {
        return "/2015-03-31/functions/" + function + "/invocations";
    }

    /** Waits until the target can invoke {@code function} (its view has caught up with the registry). */
    public void awaitFunction(String function, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (RawHttpClient client = new RawHttpClient(host(), port())) {
            while (true) {
                RawHttpClient.Response response = client.post(
                        invokePath(function),
                        "X-Amz-Invocation-Type: DryRun\r\n",
                        "{}".getBytes(StandardCharsets.UTF_8));
                if (response.status() == 204) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            function + " never became invocable at " + uri + ": HTTP " + response.status());
                }
                Thread.sleep(100);
            }
        }
    }
}
