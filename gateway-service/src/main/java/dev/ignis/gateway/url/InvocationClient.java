package dev.ignis.gateway.url;

import dev.ignis.gateway.config.GatewayProperties;
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
 * keep-alive connection; the result comes back whole, as a BUFFERED URL answers.
 */
@Component
public class InvocationClient {

    /** The invoke API's answer, as far as a URL needs it. */
    record Result(int status, boolean functionError, HttpHeaders headers, byte[] payload) {}

    private final WebClient client;
    private final FunctionUrlProperties properties;

    public InvocationClient(GatewayProperties gateway, FunctionUrlProperties properties) {
        this.properties = properties;
        HttpClient http = HttpClient.create(ConnectionProvider.create("function-urls", 512))
                .responseTimeout(properties.invokeTimeout());
        this.client = WebClient.builder()
                .baseUrl(gateway.invocationUrl().toString())
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(properties.maxEventBytes() + 1024 * 1024))
                .build();
    }

    Mono<Result> invoke(String functionArn, byte[] event) {
        String path = "/2015-03-31/functions/" + UriUtils.encodePathSegment(functionArn, "UTF-8") + "/invocations";
        return client.post()
                .uri(builder -> builder.path(path).build(true))
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
