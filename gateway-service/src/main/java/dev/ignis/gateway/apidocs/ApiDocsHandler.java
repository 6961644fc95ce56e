package dev.ignis.gateway.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v3/api-docs}: the one OpenAPI document of everything the gateway exposes — its own
 * description of Invoke and function URLs ({@code apidocs/gateway-openapi.json}) merged with each
 * backend's {@code /v3/api-docs}. A backend that does not answer in time is left out and named under
 * {@code x-ignis-unavailable}; such a partial document is not cached, so the next call asks again.
 */
public final class ApiDocsHandler {

    private final WebClient client;
    private final Map<String, URI> services;
    private final ApiDocsProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final Predicate<String> exposed;
    private final ObjectNode gatewayDocument;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    private record Cached(ObjectNode document, Instant until) {}

    /**
     * @param exposed which of the services' paths a caller of the gateway can reach
     */
    public ApiDocsHandler(
            WebClient client, Predicate<String> exposed, ApiDocsProperties properties, ObjectMapper json, Clock clock) {
        this.client = client;
        this.services = new LinkedHashMap<>(properties.sources());
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.exposed = exposed;
        this.gatewayDocument = readGatewayDocument(json);
    }

    public Mono<ServerResponse> serve(ServerRequest request) {
        Cached cached = cache.get();
        Mono<ObjectNode> document =
                cached != null && clock.instant().isBefore(cached.until()) ? Mono.just(cached.document()) : aggregate();
        return document.flatMap(
                d -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(d)));
    }

    private Mono<ObjectNode> aggregate() {
        return Flux.fromIterable(services.entrySet())
                .flatMapSequential(service -> fetch(service.getKey(), service.getValue()))
                .collectList()
                .map(sources -> {
                    ObjectNode merged = OpenApiMerge.merge(gatewayDocument, sources, exposed);
                    if (sources.stream().allMatch(s -> s.document() != null)) {
                        cache.set(new Cached(merged, clock.instant().plus(properties.cacheFor())));
                    }
                    return merged;
                });
    }

    private Mono<OpenApiMerge.Source> fetch(String service, URI baseUrl) {
        return client.get()
                .uri(baseUrl.resolve("/v3/api-docs"))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .timeout(properties.timeout())
                .map(body -> OpenApiMerge.Source.of(service, json.readTree(body)))
                .onErrorResume(e -> Mono.just(OpenApiMerge.Source.unavailable(service, reason(e))));
    }

    private static String reason(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static ObjectNode readGatewayDocument(ObjectMapper json) {
        try (InputStream in = ApiDocsHandler.class.getResourceAsStream("/apidocs/gateway-openapi.json")) {
            JsonNode document = json.readTree(in);
            return (ObjectNode) document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
