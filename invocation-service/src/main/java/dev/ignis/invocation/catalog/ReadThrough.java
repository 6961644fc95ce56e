package dev.ignis.invocation.catalog;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.contracts.registry.RegistryRecord;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A miss in the catalog asks the registry's read-through endpoint
 * ({@code GET /ignis/v1/registry/changes?key=}) before the invoke answers 404: a function created a
 * moment ago may not have reached this replica's view yet. Only misses pay for it; warm invokes
 * never get here. The answer carries the record's own headers and goes through the same
 * {@code RegistryFeed} rule as the topic, so a read-through cannot undo a newer change or revive a
 * deleted function. A name the registry did not know either is remembered for a short time
 * ({@code ignis.invocation.unknown-function-ttl}, {@link RecentMisses}) so repeated invokes of it do
 * not each reach the registry.
 */
public final class ReadThrough {

    private static final Logger log = LoggerFactory.getLogger(ReadThrough.class);

    private final FunctionCatalog catalog;
    private final RegistryView view;
    private final URI registry;
    private final String region;
    private final String accountId;
    private final InternalCredential credential;
    private final RecentMisses misses;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ReadThrough(
            FunctionCatalog catalog,
            RegistryView view,
            URI registry,
            String region,
            String accountId,
            InternalCredential credential,
            Duration missTtl,
            Clock clock) {
        this.credential = credential;
        this.misses = new RecentMisses(missTtl, clock);
        this.catalog = catalog;
        this.view = view;
        this.registry = registry;
        this.region = region;
        this.accountId = accountId;
    }

    /** The function {@code ref} names, from the view or, on a miss, from the registry. */
    public Optional<FunctionSnapshot> route(FunctionRef ref, double random) {
        Optional<FunctionSnapshot> known = catalog.route(ref, random);
        if (known.isPresent()) {
            return known;
        }
        String base = ref.toUnqualifiedArn(region, accountId);
        String qualifier = ref.qualifier().orElse("$LATEST");
        String missKey = base + ":" + qualifier;
        if (misses.contains(missKey)) {
            return Optional.empty();
        }
        if (qualifier.equals("$LATEST")) {
            fetch(base);
        } else {
            fetch(base + ":" + qualifier);
            // an alias names a version, which may be missing too
            catalog.aliasTarget(ref)
                    .ifPresent(version -> fetch(version.equals("$LATEST") ? base : base + ":" + version));
        }
        Optional<FunctionSnapshot> fetched = catalog.route(ref, random);
        if (fetched.isEmpty()) {
            misses.add(missKey);
        }
        return fetched;
    }

    private void fetch(String key) {
        HttpRequest request = HttpRequest.newBuilder(registry.resolve(
                        "/ignis/v1/registry/changes?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(3))
                .header(InternalCredential.HEADER, credential.headerValue())
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return;
            }
            view.offer(RegistryRecord.decode(
                    key, name -> response.headers().firstValue(name).orElse(null), response.body()));
        } catch (IOException | RuntimeException e) {
            log.debug("Read-through of {} failed: {}", key, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
