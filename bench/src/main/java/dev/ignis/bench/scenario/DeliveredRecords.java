package dev.ignis.bench.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How many records one mapping has delivered to its function, read from event-source-service's own
 * counter ({@code ignis_eventsource_records_total{mapping=<uuid>,outcome="delivered"}} on
 * {@code /actuator/prometheus}): the one count that is the same for every kind of source.
 */
final class DeliveredRecords implements AutoCloseable {

    private static final String METRIC = "ignis_eventsource_records_total{";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI prometheus;

    DeliveredRecords(URI eventSource) {
        this.prometheus = eventSource.resolve("/actuator/prometheus");
    }

    /** Records delivered so far; 0 until the mapping's first batch succeeded (its meters appear then). */
    long of(String mappingUuid) throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(prometheus).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        return sum(text, mappingUuid);
    }

    /** The delivered count of {@code mappingUuid} in a Prometheus text exposition. */
    static long sum(String exposition, String mappingUuid) {
        long total = 0;
        String mapping = "mapping=\"" + mappingUuid + "\"";
        for (String line : exposition.split("\n")) {
            if (line.startsWith(METRIC) && line.contains(mapping) && line.contains("outcome=\"delivered\"")) {
                total += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    @Override
    public void close() {
        http.close();
    }
}
