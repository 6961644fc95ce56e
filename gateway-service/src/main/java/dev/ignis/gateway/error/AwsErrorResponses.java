package dev.ignis.gateway.error;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.json.JsonText;
import dev.ignis.gateway.auth.AuthResult;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Writes a Lambda service error the way AWS does: the status, {@code x-amzn-ErrorType: <code>} and
 * a JSON body {@code {"Type":"User"|"Service","message":...}} (lower-case {@code message}). The one
 * place the gateway's own errors take their shape; function URL code reuses it.
 */
public final class AwsErrorResponses {

    public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    private AwsErrorResponses() {}

    public static Mono<Void> write(ServerHttpResponse response, LambdaErrorType error, String message) {
        return write(response, error.httpStatus(), error.code(), message);
    }

    public static Mono<Void> write(ServerHttpResponse response, AuthResult.Rejected rejected) {
        return write(response, rejected.status(), rejected.errorType(), rejected.message());
    }

    /** {@code Type} follows the status: {@code Service} for a 5xx, {@code User} for everything else. */
    public static Mono<Void> write(ServerHttpResponse response, int status, String errorType, String message) {
        return writeBody(response, status, errorType, body(status >= 500 ? "Service" : "User", message));
    }

    /** For bodies with extra fields (a throttle's {@code Reason}), built once by the caller. */
    public static Mono<Void> writeBody(ServerHttpResponse response, int status, String errorType, byte[] json) {
        response.setStatusCode(HttpStatusCode.valueOf(status));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(json.length);
        response.getHeaders().set(ERROR_TYPE_HEADER, errorType);
        DataBuffer buffer = response.bufferFactory().wrap(json);
        return response.writeWith(Mono.just(buffer));
    }

    public static byte[] body(String type, String message) {
        StringBuilder json = new StringBuilder(48 + (message == null ? 4 : message.length()));
        json.append("{\"Type\":\"").append(type).append("\",\"message\":");
        JsonText.appendString(json, message);
        json.append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
