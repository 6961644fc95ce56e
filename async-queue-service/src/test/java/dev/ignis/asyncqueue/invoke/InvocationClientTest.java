package dev.ignis.asyncqueue.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.error.Fault;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.error.Retriability;
import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.contracts.invoke.InvokeAnswer;
import dev.ignis.contracts.invoke.InvokeCall;
import dev.ignis.contracts.invoke.InvokeHeaders;
import dev.ignis.contracts.placement.ReplicaRing;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two real HTTP servers stand in for invocation-service replicas, answering as its Invoke API does
 * (headers and bodies as LAMBDA-CONTRACT.md has them).
 */
class InvocationClientTest {

    /** What a replica answers, and what it was sent. */
    static final class Replica {
        final HttpServer server;
        final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
        volatile int status = 200;
        volatile Map<String, String> headers = Map.of();
        volatile String body = "\"ok\"";

        Replica() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::answer);
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private void answer(HttpExchange exchange) throws IOException {
            Map<String, String> seen = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), values.getFirst()));
            seen.put(":uri", exchange.getRequestURI().toString());
            seen.put(":body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(seen);
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }

    final Replica first;
    final Replica second;
    final ReplicaRing ring;
    final InvocationClient client;

    InvocationClientTest() throws IOException {
        first = new Replica();
        second = new Replica();
        ring = new ReplicaRing(List.of(first.url(), second.url()), 64);
        client = new InvocationClient(ring, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        first.server.stop(0);
        second.server.stop(0);
    }

    @Test
    void sendsTheInternalCredentialWhenGivenOneAndNoneOtherwise() {
        InvocationClient withCredential =
                new InvocationClient(ring, Duration.ofSeconds(5), InternalCredential.of("s3cret"));
        withCredential.invoke(InvokeCall.of(FunctionRef.parse("orders"), "{}".getBytes()));
        client.invoke(InvokeCall.of(FunctionRef.parse("orders"), "{}".getBytes()));

        assertThat(owner("orders").requests).hasSize(2);
        assertThat(owner("orders").requests.get(0)).containsEntry(InternalCredential.HEADER.toLowerCase(), "s3cret");
        assertThat(owner("orders").requests.get(1)).doesNotContainKey(InternalCredential.HEADER.toLowerCase());
    }

    @Test
    void invokesTheOwnerWithTheEventsIdContextAndTrace() {
        InvokeAnswer answer = client.invoke(new InvokeCall(
                FunctionRef.parse("orders:live"),
                "{\"order\":7}".getBytes(),
                "8e4b0ba6-6c3f-4f4e-9c5e-2d8a1f6b7c90",
                "eyJhIjoxfQ==",
                "Root=1-abc"));

        Replica owner = owner("orders");
        assertThat(answer.succeeded()).isTrue();
        assertThat(new String(answer.payload())).isEqualTo("\"ok\"");
        assertThat(owner.requests).singleElement().satisfies(request -> assertThat(request)
                .containsEntry(":uri", "/2015-03-31/functions/orders/invocations?Qualifier=live")
                .containsEntry(":body", "{\"order\":7}")
                .containsEntry("x-ignis-request-id", "8e4b0ba6-6c3f-4f4e-9c5e-2d8a1f6b7c90")
                .containsEntry("x-amz-client-context", "eyJhIjoxfQ==")
                .containsEntry("x-amzn-trace-id", "Root=1-abc")
                .containsEntry("x-amz-invocation-type", "RequestResponse"));
    }

    @Test
    void aFullOwnerSpillsToTheNextReplicaAndEveryoneAgreesOnTheOrder() {
        Replica owner = owner("orders");
        owner.status = 429;
        owner.headers = Map.of(InvokeHeaders.ERROR_TYPE, "TooManyRequestsException");
        owner.body =
                "{\"Reason\":\"ConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}";

        InvokeAnswer answer = client.invoke(InvokeCall.of(FunctionRef.parse("orders"), "{}".getBytes()));

        assertThat(answer.succeeded()).isTrue();
        assertThat(owner.requests).hasSize(1);
        assertThat((owner == first ? second : first).requests).hasSize(1);
    }

    @Test
    void aFunctionErrorIsReadBackByItsType() {
        for (Replica replica : List.of(first, second)) {
            replica.headers = Map.of(InvokeHeaders.FUNCTION_ERROR, "Unhandled", InvokeHeaders.EXECUTED_VERSION, "3");
            replica.body =
                    "{\"errorMessage\":\"Task timed out after 1.00 seconds\",\"errorType\":\"Sandbox.Timedout\"}";
        }

        InvokeAnswer answer = client.invoke(InvokeCall.of(FunctionRef.parse("orders"), "{}".getBytes()));

        assertThat(answer.executedVersion()).isEqualTo("3");
        assertThat(answer.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.type()).contains(LambdaErrorType.SANDBOX_TIMEDOUT);
            assertThat(failure.retriability()).isEqualTo(Retriability.FUNCTION_BUDGET);
        });
    }

    @Test
    void aServiceErrorIsReadBackAndAnUnreachableReplicaIsATransientPlatformFault() {
        for (Replica replica : List.of(first, second)) {
            replica.status = 404;
            replica.headers = Map.of(InvokeHeaders.ERROR_TYPE, "ResourceNotFoundException");
            replica.body = "{\"Type\":\"User\",\"message\":\"Function not found\"}";
        }
        assertThat(client.invoke(InvokeCall.of(FunctionRef.parse("gone"), "{}".getBytes()))
                        .failure()
                        .orElseThrow()
                        .type())
                .contains(LambdaErrorType.RESOURCE_NOT_FOUND);

        stop();
        InvokeAnswer unreachable = client.invoke(InvokeCall.of(FunctionRef.parse("orders"), "{}".getBytes()));
        assertThat(unreachable.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.fault()).isEqualTo(Fault.PLATFORM);
            assertThat(failure.retriability()).isEqualTo(Retriability.TRANSIENT);
        });
    }

    private Replica owner(String function) {
        return ring.place(function).owner().equals(first.url()) ? first : second;
    }
}
