package dev.ignis.gateway.invoke;

import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.contracts.invoke.InvokeHeaders;
import dev.ignis.contracts.placement.Placement;
import dev.ignis.contracts.placement.ReplicaRing;
import dev.ignis.gateway.trace.TraceHeaders;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The gateway's synchronous invokes of its own (function URLs), straight to invocation-service over
 * a pooled keep-alive connection; the result comes back whole, as a BUFFERED URL answers. The
 * function's owner on the shared {@link ReplicaRing} is asked first and the {@link Placement} spill
 * rule decides whether the next one is, exactly as for the Lambda API's proxied invokes.
 */
public class InvocationClient {

    /** The invoke API's answer. */
    public record Result(int status, HttpHeaders headers, byte[] payload) {
        public boolean functionError() {
            return headers.containsHeader(InvokeHeaders.FUNCTION_ERROR);
        }
    }

    private final WebClient client;
    private final ReplicaRing replicas;
    private final Duration timeout;

    /** @param credential sent on every invoke: invocation-service accepts nobody else in a cluster */
    public InvocationClient(
            ReplicaRing replicas, Duration timeout, int maxPayloadBytes, InternalCredential credential) {
        this.replicas = replicas;
        this.timeout = timeout;
        HttpClient http = HttpClient.create(ConnectionProvider.create("gateway-invokes", 512))
                .responseTimeout(timeout);
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(maxPayloadBytes + 1024 * 1024))
                .defaultHeader(InternalCredential.HEADER, credential.headerValue())
                .build();
    }

    /**
     * Invokes {@code functionArn} (qualified or not) with {@code event}, placed by {@code functionName}.
     *
     * @param traceId the caller's X-Amzn-Trace-Id, handed on to the function; null for none
     */
    public Mono<Result> invoke(String functionArn, String functionName, byte[] event, String traceId) {
        String path = "/2015-03-31/functions/" + UriUtils.encodePathSegment(functionArn, "UTF-8") + "/invocations";
        Placement placement = replicas.place(functionName);
        return attempt(placement, 0, placement.owner(), path, event, traceId);
    }

    private Mono<Result> attempt(
            Placement placement, int attempt, URI replica, String path, byte[] event, String traceId) {
        return call(replica.resolve(path), event, traceId)
                .onErrorResume(
                        e -> Placement.neverReached(e)
                                && placement.afterUnreachable(attempt).isPresent(),
                        e -> attempt(
                                placement,
                                attempt + 1,
                                placement.afterUnreachable(attempt).orElseThrow(),
                                path,
                                event,
                                traceId))
                .flatMap(result -> placement
                        .after(attempt, result.status())
                        .map(next -> attempt(placement, attempt + 1, next, path, event, traceId))
                        .orElseGet(() -> Mono.just(result)));
    }

    private Mono<Result> call(URI uri, byte[] event, String traceId) {
        return client.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .header(InvokeHeaders.INVOCATION_TYPE, "RequestResponse")
                .headers(h -> {
                    if (traceId != null) {
                        h.set(TraceHeaders.AMZN, traceId);
                    }
                })
                .bodyValue(event)
                .exchangeToMono(response -> response.bodyToMono(byte[].class)
                        .defaultIfEmpty(new byte[0])
                        .map(payload -> new Result(
                                response.statusCode().value(),
                                response.headers().asHttpHeaders(),
                                payload)))
                .timeout(timeout);
    }
}
