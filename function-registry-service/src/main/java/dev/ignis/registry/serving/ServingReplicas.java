package dev.ignis.registry.serving;

import dev.ignis.contracts.internal.InternalCredential;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks every invocation-service replica, in parallel, whether its registry view has applied a
 * change ({@code GET /ignis/v1/registry-view/applied}); each may hold the question open up to the
 * wait given, answering the moment the change arrives. A replica that cannot be reached does not
 * serve the change. Every question carries the internal credential, which the replicas require in a
 * cluster.
 */
@Component
public class ServingReplicas {

    private static final Logger log = LoggerFactory.getLogger(ServingReplicas.class);

    /** What the replicas say about one change. */
    public record Answer(boolean servedByAll, boolean heldByAny) {}

    private final List<URI> replicas;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private final InternalCredential credential;

    ServingReplicas(PlacementProperties properties, InternalCredential credential) {
        this.replicas = List.copyOf(properties.invocationReplicas());
        this.credential = credential;
    }

    public Answer ask(String key, long sequence, Duration wait) {
        List<CompletableFuture<JsonNode>> answers = replicas.stream()
                .map(replica -> ask(replica, key, sequence, wait))
                .toList();
        boolean all = true;
        boolean any = false;
        for (CompletableFuture<JsonNode> answer : answers) {
            JsonNode node = answer.join();
            all &= node.path("applied").asBoolean(false);
            any |= node.path("holds").asBoolean(false);
        }
        return new Answer(all, any);
    }

    private CompletableFuture<JsonNode> ask(URI replica, String key, long sequence, Duration wait) {
        URI uri =
                replica.resolve("/ignis/v1/registry-view/applied?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                        + "&sequence=" + sequence + "&waitMs=" + wait.toMillis());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header(InternalCredential.HEADER, credential.headerValue())
                .timeout(wait.plusSeconds(2))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> response.statusCode() == 200 ? read(response.body()) : missing())
                .exceptionally(e -> {
                    log.debug("Replica {} did not answer for {}: {}", replica, key, e.toString());
                    return missing();
                });
    }

    private JsonNode read(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return missing();
        }
    }

    private JsonNode missing() {
        return json.createObjectNode();
    }
}
