package dev.ignis.invocation.invoke;

import dev.ignis.contracts.error.LambdaErrorType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** Checks that an event is one JSON value, by streaming over its tokens (no tree is built). */
final class PayloadValidator {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private PayloadValidator() {}

    static void requireJson(byte[] payload) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), payload)) {
            if (parser.nextToken() == null) {
                throw invalid("No content to map due to end-of-input");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw invalid("Unexpected content after the JSON value");
            }
        } catch (JacksonException e) {
            throw invalid(e.getOriginalMessage());
        }
    }

    private static InvokeException invalid(String detail) {
        return InvokeException.of(
                LambdaErrorType.INVALID_REQUEST_CONTENT,
                "Could not parse request body into json: Could not parse payload into json: " + detail);
    }
}
