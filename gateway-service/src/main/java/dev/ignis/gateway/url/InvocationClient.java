package dev.ignis.gateway.url;

import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.gateway.routing.ReplicaRing;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Synchronous invokes on behalf of function URLs, straight to invocation-service over a pooled
 * keep-alive connection; the result comes back whole, as a BUFFERED URL answers. With several
 * replicas the function's owner on the {@link ReplicaRing} is asked first and a 429 spills to the
 * next, as for the Lambda API's invokes.
 */
@Component
public class InvocationClient {

    /** The invoke API's answer, as far as a URL needs it. */
    record Result(int status, boolean functionError, HttpHeaders headers, byte[] payload) {}

    private static final int TOO_MANY_REQUESTS = 429;

    private final WebClient client;
    private final FunctionUrlProperties properties;
    private final ReplicaRing replicas;

    public InvocationClient(ReplicaRing replicas, FunctionUrlProperties properties, InternalCredential credential) {
        this.properties = properties;
        this.replicas = replicas;
        HttpClient http = HttpClient.create(ConnectionProvider.create("function-urls", 512))
                .responseTimeout(properties.invokeTimeout());
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(properties.maxEventBytes() + 1024 * 1024))
                .defaultHeader(InternalCredential.HEADER, credential.headerValue())
                .build();
    }

    Mono<Result> invoke(String functionArn, String functionName, byte[] event) {
        String path = "/2015-03-31/functions/" + UriUtils.encodePathSegment(functionArn, "UTF-8") + "/invocations";
        return attempt(replicas.preference(functionName), 0, path, event);
    }

    private Mono<Result> attempt(List<URI> order, int index, String path, byte[] event) {
        return call(order.get(index).resolve(path), event)
                .flatMap(result -> result.status() == TOO_MANY_REQUESTS && index + 1 < order.size()
                        ? attempt(order, index + 1, path, event)
                        : Mono.just(result));
    }

    private Mono<Result> call(URI uri, byte[] event) {
        return client.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Amz-Invocation-Type", "RequestResponse")
                .bodyValue(event)
                .exchangeToMono(response -> response.bodyToMono(byte[].class)
                        .defaultIfEmpty(new byte[0])
                        .map(payload -> new Result(
                                response.statusCode().value(),
                                response.headers().asHttpHeaders().containsHeader("X-Amz-Function-Error"),
                                response.headers().asHttpHeaders(),
                                payload)))
                .timeout(properties.invokeTimeout());
    }
}
