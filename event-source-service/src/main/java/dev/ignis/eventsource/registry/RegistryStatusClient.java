package dev.ignis.eventsource.registry;

import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.eventsource.config.EventSourceProperties;
import dev.ignis.eventsource.poller.MappingStatus;
import dev.ignis.eventsource.poller.MappingStatusReporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends mapping statuses to the registry's {@code PUT /ignis/v1/event-source-mappings/{uuid}/status},
 * in order, from one thread of its own so a poller never waits on the registry. A refusal (a report
 * about an older configuration, a mapping already gone) is expected and dropped. Reports carry the
 * internal credential, which the registry requires in a cluster.
 */
@Component
class RegistryStatusClient implements MappingStatusReporter, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RegistryStatusClient.class);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("status-reports").daemon().factory());
    private final URI base;
    private final InternalCredential credential;

    RegistryStatusClient(EventSourceProperties properties, InternalCredential credential) {
        this.base = properties.registryUrl();
        this.credential = credential;
    }

    @Override
    public void report(MappingStatus status) {
        sender.execute(() -> send(status));
    }

    private void send(MappingStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("basedOn", status.basedOn().toString());
        body.put("state", status.state());
        body.put("lastProcessingResult", status.lastProcessingResult());
        HttpRequest request = HttpRequest.newBuilder(
                        base.resolve("/ignis/v1/event-source-mappings/" + status.uuid() + "/status"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(InternalCredential.HEADER, credential.headerValue())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                log.debug("Registry refused {}: {} {}", status, response.statusCode(), response.body());
            }
        } catch (java.io.IOException e) {
            log.warn("Could not report {} to the registry: {}", status, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }
}
