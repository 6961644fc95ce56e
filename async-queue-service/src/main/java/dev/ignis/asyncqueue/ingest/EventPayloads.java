package dev.ignis.asyncqueue.ingest;

import dev.ignis.contracts.error.LambdaErrorType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads an {@code Event} payload within AWS's asynchronous limit and checks that it is one JSON
 * value, in AWS's words: 413 {@code RequestEntityTooLargeException} "<n> byte payload is too large
 * for the Event invocation type (limit <max> bytes)", 400 {@code InvalidRequestContentException}.
 */
public final class EventPayloads {

    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final int maxBytes;

    public EventPayloads(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    byte[] read(HttpServletRequest http) throws IOException {
        byte[] body = http.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            // Read on (within reason) so that the client sees the answer rather than a broken pipe.
            long rest = http.getInputStream().skip(DRAIN_LIMIT);
            long size = http.getContentLengthLong() > 0 ? http.getContentLengthLong() : body.length + rest;
            throw new IngestException(
                    LambdaErrorType.REQUEST_ENTITY_TOO_LARGE,
                    size + " byte payload is too large for the Event invocation type (limit " + maxBytes + " bytes)");
        }
        if (body.length > 0) {
            requireJson(body);
        }
        return body;
    }

    private static void requireJson(byte[] payload) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), payload)) {
            if (parser.nextToken() == null) {
                return;
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw invalid("Unexpected content after the JSON value");
            }
        } catch (JacksonException e) {
            throw invalid(e.getOriginalMessage());
        }
    }

    private static IngestException invalid(String detail) {
        return new IngestException(
                LambdaErrorType.INVALID_REQUEST_CONTENT,
                "Could not parse request body into json: Could not parse payload into json: " + detail);
    }
}
