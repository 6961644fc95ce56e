package dev.ignis.contracts.invoke;

import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.contracts.placement.Placement;
import dev.ignis.contracts.placement.ReplicaRing;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/**
 * The one blocking way to call the Invoke API from inside the platform (the async workers, the
 * pollers; the gateway's reactive client follows the same {@link Placement} rule): the function's
 * owner on the {@link ReplicaRing} first, the next replica after a 429, and every answer read back
 * as an {@link InvokeAnswer}. A replica that cannot be reached answers
 * {@code ServiceUnavailableException} (platform, transient), never an exception. JDK only, so that
 * both ends agree on the wire without sharing anything else. Given the platform's
 * {@link InternalCredential}, every call carries it (header {@value InternalCredential#HEADER}):
 * invocation-service accepts nobody else in a cluster.
 */
public final class BlockingInvoker {

    private final ReplicaRing ring;
    private final Duration timeout;
    private final Function<byte[], String> functionErrorType;
    private final String credential;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param timeout how long one attempt may take
     * @param functionErrorType reads {@code errorType} out of a function error's JSON body
     *     ({@code {"errorType","errorMessage"}}); null when it has none
     */
    public BlockingInvoker(ReplicaRing ring, Duration timeout, Function<byte[], String> functionErrorType) {
        this.ring = ring;
        this.timeout = timeout;
        this.functionErrorType = functionErrorType;
        this.credential = null;
    }

    /** As {@link #BlockingInvoker(ReplicaRing, Duration, Function)}, sending {@code credential} on every call. */
    public BlockingInvoker(
            ReplicaRing ring,
            Duration timeout,
            Function<byte[], String> functionErrorType,
            InternalCredential credential) {
        this.ring = ring;
        this.timeout = timeout;
        this.functionErrorType = functionErrorType;
        this.credential = credential.headerValue();
    }

    public InvokeAnswer invoke(InvokeCall call) {
        return ring.place(call.placementKey()).call(replica -> send(replica, call), InvokeAnswer::status);
    }

    private InvokeAnswer send(URI replica, InvokeCall call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(replica.resolve(call.pathAndQuery()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.payload()));
        if (credential != null) {
            request.header(InternalCredential.HEADER, credential);
        }
        call.headers().forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return InvokeAnswer.read(
                    response.statusCode(),
                    name -> response.headers().firstValue(name).orElse(null),
                    response.body(),
                    functionErrorType);
        } catch (IOException e) {
            return InvokeAnswer.unreachable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return InvokeAnswer.unreachable("interrupted");
        }
    }
}
