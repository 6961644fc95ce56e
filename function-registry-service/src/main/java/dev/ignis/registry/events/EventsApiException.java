package dev.ignis.registry.events;

import java.util.List;

/**
 * A failure an EventBridge caller sees: the error code (JSON 1.1's {@code __type}) and AWS's
 * message. Every EventBridge client error is HTTP 400.
 */
class EventsApiException extends RuntimeException {

    static final String DEFAULT_BUS = "default";

    private final String code;
    private final int status;

    EventsApiException(String code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    static EventsApiException validation(String message) {
        return new EventsApiException("ValidationException", 400, message);
    }

    /** AWS's joined form: {@code 1 validation error detected: Value … at '…' failed to satisfy constraint: …}. */
    static EventsApiException violations(List<String> violations) {
        String count = violations.size() == 1 ? "1 validation error" : violations.size() + " validation errors";
        return validation(count + " detected: " + String.join("; ", violations));
    }

    static EventsApiException ruleNotFound(String name) {
        return new EventsApiException(
                "ResourceNotFoundException", 400, "Rule " + name + " does not exist on EventBus " + DEFAULT_BUS + ".");
    }

    static EventsApiException busNotFound(String bus) {
        return new EventsApiException("ResourceNotFoundException", 400, "Event bus " + bus + " does not exist.");
    }

    static EventsApiException limitExceeded() {
        return new EventsApiException(
                "LimitExceededException", 400, "The requested resource exceeds the maximum number allowed.");
    }

    static EventsApiException unknownOperation() {
        return new EventsApiException("UnknownOperationException", 400, null);
    }

    static EventsApiException serialization() {
        return new EventsApiException("SerializationException", 400, null);
    }
}
