package dev.ignis.gateway.url;

import dev.ignis.contracts.json.JsonText;
import dev.ignis.gateway.error.AwsErrorResponses;
import java.nio.charset.StandardCharsets;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Errors a function URL answers itself, in the shape Lambda uses there: {@code x-amzn-ErrorType}
 * and a body with a capitalised {@code Message} (unlike the Lambda API's {@code message}).
 */
final class UrlErrors {

    static final String ACCESS_DENIED = "AccessDeniedException";
    static final String FORBIDDEN = "Forbidden. For troubleshooting Function URL authorization issues, see: "
            + "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html";

    private UrlErrors() {}

    /** An id no URL has: the same answer as a denied one, so Lambda does not say whether it exists. */
    static Mono<Void> forbidden(ServerHttpResponse response) {
        return write(response, 403, ACCESS_DENIED, FORBIDDEN);
    }

    static Mono<Void> write(ServerHttpResponse response, int status, String errorType, String message) {
        StringBuilder json = new StringBuilder("{\"Message\":");
        JsonText.appendString(json, message);
        json.append('}');
        return AwsErrorResponses.writeBody(
                response, status, errorType, json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
