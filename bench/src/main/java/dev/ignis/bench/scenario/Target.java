package dev.ignis.bench.scenario;

import dev.ignis.bench.driver.Call;
import dev.ignis.bench.driver.LoadDriver;
import dev.ignis.bench.driver.RawHttpClient;
import dev.ignis.bench.report.Server;
import dev.ignis.bench.signing.RequestSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A server under load: Ignis's invocation-service or gateway, the peer, or the floor. Requests to
 * a target with a signer are SigV4-signed one by one, as an AWS SDK would sign them.
 */
public record Target(Server server, String host, int port, Optional<RequestSigner> signer) {

    public static final byte[] EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    public static Target unsigned(Server server, String host, int port) {
        return new Target(server, host, port, Optional.empty());
    }

    public static String invokePath(String function) {
        return "/2015-03-31/functions/" + function + "/invocations";
    }

    public LoadDriver driver() {
        return new LoadDriver(host, port);
    }

    public RawHttpClient client() {
        return new RawHttpClient(host, port);
    }

    /**
     * A synchronous invoke that succeeds on 200 without {@code X-Amz-Function-Error}: a function
     * error is still 200 on the Lambda wire, and must count as an error here.
     */
    public Call invoke(String path, byte[] event) {
        return client -> {
            RawHttpClient.Response response = client.post(path, auth("POST", path, event), event);
            return response.status() == 200 && !response.hasHeader("X-Amz-Function-Error");
        };
    }

    /** An asynchronous invoke ({@code X-Amz-Invocation-Type: Event}) that succeeds on 202. */
    public Call invokeEvent(String path, byte[] event) {
        return client -> client.post(path, "X-Amz-Invocation-Type: Event\r\n" + auth("POST", path, event), event)
                        .status()
                == 202;
    }

    /** A plain request (function URLs) that succeeds on 200. */
    public Call request(String method, String path, byte[] body) {
        return client ->
                client.send(method, path, auth(method, path, body), body).status() == 200;
    }

    /** The signature's header lines when this target is signed, else none. */
    public String auth(String method, String path, byte[] body) {
        return signer.map(s -> s.headers(method, path, body)).orElse("");
    }

    /** Waits until {@code function} resolves here (DryRun answers 204): its change has arrived. */
    public void awaitInvocable(String function, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String path = invokePath(function);
        try (RawHttpClient client = client()) {
            while (true) {
                RawHttpClient.Response response =
                        client.post(path, "X-Amz-Invocation-Type: DryRun\r\n" + auth("POST", path, EVENT), EVENT);
                if (response.status() == 204) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(function + " never became invocable at " + server.label()
                            + ": HTTP " + response.status() + " " + response.bodyText());
                }
                Thread.sleep(100);
            }
        }
    }
}
