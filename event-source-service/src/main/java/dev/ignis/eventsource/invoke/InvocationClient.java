package dev.ignis.eventsource.invoke;

import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.contracts.invoke.InvokeAnswer;
import dev.ignis.contracts.invoke.InvokeCall;
import dev.ignis.contracts.placement.Placement;
import dev.ignis.contracts.placement.ReplicaRing;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pollers' one way to reach a function: a synchronous invoke on the replica that owns the function on
 * the shared {@link ReplicaRing}, spilling by the {@link Placement} rule, answered as an
 * {@link InvokeAnswer} whose failure is read back by fault and retriability. A replica that cannot
 * be reached answers {@code ServiceUnavailableException} (transient), never an exception.
 */
public class InvocationClient {

    private final ReplicaRing ring;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    private String credential = "";

    /** Every invoke carries the internal credential: invocation-service accepts nobody else in a cluster. */
    public InvocationClient withCredential(InternalCredential internal) {
        this.credential = internal.headerValue();
        return this;
    }

    public InvocationClient(ReplicaRing ring, Duration timeout) {
        this.ring = ring;
        this.timeout = timeout;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    public InvokeAnswer invoke(InvokeCall call) {
        return ring.place(call.placementKey()).call(replica -> send(replica, call), InvokeAnswer::status);
    }

    private InvokeAnswer send(URI replica, InvokeCall call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(replica.resolve(call.pathAndQuery()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(InternalCredential.HEADER, credential)
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.payload()));
        call.headers().forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return InvokeAnswer.read(
                    response.statusCode(),
                    name -> response.headers().firstValue(name).orElse(null),
                    response.body(),
                    this::errorType);
        } catch (IOException e) {
            return InvokeAnswer.unreachable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return InvokeAnswer.unreachable("interrupted");
        }
    }

    /** A function error's body is the runtime's {@code {"errorType","errorMessage"}}. */
    private String errorType(byte[] body) {
        try {
            return json.readTree(body).path("errorType").asString();
        } catch (JacksonException e) {
            return null;
        }
    }
}
