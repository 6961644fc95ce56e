package dev.ignis.registry.url;

import dev.ignis.contracts.registry.FunctionUrlSnapshot;
import dev.ignis.registry.url.FunctionUrlApi.Cors;
import java.time.Instant;

/**
 * One function URL as the service hands it to the controller.
 *
 * @param functionArn unqualified, or qualified by the alias the URL belongs to
 * @param qualifier the alias, or null
 * @param url the full {@code FunctionUrl}
 */
record StoredUrl(
        String functionArn,
        String qualifier,
        String urlId,
        String url,
        String authType,
        Cors cors,
        String invokeMode,
        Instant creationTime,
        Instant lastModified) {

    /** What the gateway receives; a Cors member left out is an empty list, or false. */
    FunctionUrlSnapshot snapshot() {
        FunctionUrlSnapshot.Cors wireCors = cors == null
                ? null
                : new FunctionUrlSnapshot.Cors(
                        Boolean.TRUE.equals(cors.allowCredentials()),
                        cors.allowHeaders(),
                        cors.allowMethods(),
                        cors.allowOrigins(),
                        cors.exposeHeaders(),
                        cors.maxAge());
        return new FunctionUrlSnapshot(functionArn, qualifier, urlId, authType, wireCors, invokeMode);
    }
}
