package dev.ignis.asyncqueue.destination;

import java.util.Map;

/**
 * One message for a destination or dead-letter queue: a body and, for dead letters, AWS's message
 * attributes ({@code RequestID}, {@code ErrorCode}, {@code ErrorMessage}).
 *
 * @param key the Kafka key, the function's ARN
 */
public record Outgoing(String key, String body, Map<String, Attribute> attributes) {

    public Outgoing {
        attributes = Map.copyOf(attributes);
    }

    /** A typed message attribute: {@code String} or {@code Number}, as SQS and SNS type them. */
    public record Attribute(String dataType, String value) {

        public static Attribute string(String value) {
            return new Attribute("String", value);
        }

        public static Attribute number(long value) {
            return new Attribute("Number", Long.toString(value));
        }
    }
}
