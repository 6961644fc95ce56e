package dev.ignis.asyncqueue.queue;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.ignis.contracts.invocation.AsyncInvocation;
import org.springframework.boot.jackson.JacksonMixin;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * How an {@link AsyncInvocation} looks on the async topic: its payload, JSON validated at ingest,
 * is embedded as the JSON value it is ({@code "payload":{"order":7}}), neither base64 nor a quoted
 * string, so no hop or retry inflates it. Boot's JSON mapper picks this mix-in up.
 */
@JacksonMixin(AsyncInvocation.class)
public abstract class AsyncInvocationJson {

    @JsonRawValue
    @JsonDeserialize(using = RawJson.class)
    abstract String payload();

    /** Reads any JSON value back as its compact text. */
    static final class RawJson extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return context.readTree(parser).toString();
        }

        /** A JSON {@code null} event is an event too. */
        @Override
        public String getNullValue(DeserializationContext context) {
            return "null";
        }
    }
}
