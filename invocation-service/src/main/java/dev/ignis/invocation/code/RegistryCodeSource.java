package dev.ignis.invocation.code;

import dev.ignis.contracts.internal.InternalCredential;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Downloads packages from the registry's code endpoint; only cold starts of a new package call it. */
public final class RegistryCodeSource implements CodeSource {

    private final URI registry;
    private final InternalCredential credential;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RegistryCodeSource(URI registry, InternalCredential credential) {
        this.registry = registry;
        this.credential = credential;
    }

    @Override
    public InputStream open(String sha256Hex) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(registry.resolve("/ignis/v1/code/" + sha256Hex))
                .timeout(Duration.ofSeconds(60))
                .header(InternalCredential.HEADER, credential.headerValue())
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new FileNotFoundException(
                        "The registry has no package " + sha256Hex + " (HTTP " + response.statusCode() + ")");
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while downloading " + sha256Hex, e);
        }
    }
}
