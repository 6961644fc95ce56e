package dev.ignis.contracts.registry;

import java.util.List;

/**
 * A function URL configuration. Key: the function ARN it belongs to (unqualified, or qualified
 * by an alias) + {@code #url}; a tombstone removes the URL. The gateway indexes these by
 * {@code urlId}, the host label users call.
 *
 * @param functionArn the ARN the URL invokes: unqualified ({@code $LATEST}) or alias-qualified
 * @param qualifier the alias name, or null for the unqualified function
 * @param urlId the stable 32-character id, kept across updates
 * @param authType {@code NONE} or {@code AWS_IAM}
 * @param cors the CORS answer the gateway gives on the URL's behalf; null when none
 * @param invokeMode {@code BUFFERED} or {@code RESPONSE_STREAM}
 */
public record FunctionUrlSnapshot(
        String functionArn, String qualifier, String urlId, String authType, Cors cors, String invokeMode) {

    /** AWS's {@code Cors} object; lists are never null, {@code maxAge} is null when unset. */
    public record Cors(
            boolean allowCredentials,
            List<String> allowHeaders,
            List<String> allowMethods,
            List<String> allowOrigins,
            List<String> exposeHeaders,
            Integer maxAge) {

        public Cors {
            allowHeaders = allowHeaders == null ? List.of() : List.copyOf(allowHeaders);
            allowMethods = allowMethods == null ? List.of() : List.copyOf(allowMethods);
            allowOrigins = allowOrigins == null ? List.of() : List.copyOf(allowOrigins);
            exposeHeaders = exposeHeaders == null ? List.of() : List.copyOf(exposeHeaders);
        }
    }
}
