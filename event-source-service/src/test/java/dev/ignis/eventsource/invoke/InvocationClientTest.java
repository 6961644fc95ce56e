package dev.ignis.eventsource.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.invoke.InvokeAnswer;
import dev.ignis.contracts.invoke.InvokeCall;
import dev.ignis.contracts.placement.ReplicaRing;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A poller's invoke against two real HTTP servers standing in for invocation-service replicas. */
class InvocationClientTest {

    final AtomicInteger fullAnswers = new AtomicInteger();
    final HttpServer full =
            server(429, "TooManyRequestsException", null, "{\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}");
    final HttpServer failing =
            server(200, null, "Unhandled", "{\"errorType\":\"ValueError\",\"errorMessage\":\"bad record\"}");

    @AfterEach
    void stop() {
        full.stop(0);
        failing.stop(0);
    }

    @Test
    void spillsPastAFullReplicaAndReadsTheFunctionsOwnErrorBack() {
        URI fullUrl = url(full);
        URI failingUrl = url(failing);
        // Whichever the ring makes the owner, the answer that stands is the failing replica's.
        InvocationClient client =
                new InvocationClient(new ReplicaRing(List.of(fullUrl, failingUrl), 64), Duration.ofSeconds(5));

        InvokeAnswer answer = client.invoke(InvokeCall.of(FunctionRef.parse("orders"), "{\"Records\":[]}".getBytes()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.errorType()).isEqualTo("ValueError");
            assertThat(failure.type()).isEmpty();
        });
        assertThat(fullAnswers.get()).isLessThanOrEqualTo(1);

        InvocationClient throttledOnly =
                new InvocationClient(new ReplicaRing(List.of(fullUrl), 64), Duration.ofSeconds(5));
        assertThat(throttledOnly
                        .invoke(InvokeCall.of(FunctionRef.parse("orders"), "{}".getBytes()))
                        .failure()
                        .orElseThrow()
                        .type())
                .contains(LambdaErrorType.TOO_MANY_REQUESTS);
    }

    private HttpServer server(int status, String errorType, String functionError, String body) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                if (status == 429) {
                    fullAnswers.incrementAndGet();
                }
                if (errorType != null) {
                    exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
                }
                if (functionError != null) {
                    exchange.getResponseHeaders().set("X-Amz-Function-Error", functionError);
                }
                exchange.sendResponseHeaders(status, body.length());
                exchange.getResponseBody().write(body.getBytes());
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI url(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
