package dev.ignis.registry.scheduler;

import java.util.List;

/**
 * A failure a Scheduler caller sees: AWS's error type ({@code x-amzn-ErrorType}), HTTP status and
 * message, as the service model and AWS's recordings give them.
 */
class SchedulerApiException extends RuntimeException {

    private final String type;
    private final int status;

    private SchedulerApiException(String type, int status, String message) {
        super(message);
        this.type = type;
        this.status = status;
    }

    String type() {
        return type;
    }

    int status() {
        return status;
    }

    static SchedulerApiException validation(String message) {
        return new SchedulerApiException("ValidationException", 400, message);
    }

    /** The model's joined form: {@code 1 validation error detected: Value … at '…' failed to satisfy constraint: …}. */
    static SchedulerApiException violations(List<String> violations) {
        String count = violations.size() == 1 ? "1 validation error" : violations.size() + " validation errors";
        return validation(count + " detected: " + String.join("; ", violations));
    }

    static SchedulerApiException invalidExpression(String expression) {
        return validation("Invalid Schedule Expression " + expression + ".");
    }

    static SchedulerApiException notFound(String name) {
        return new SchedulerApiException("ResourceNotFoundException", 404, "Schedule " + name + " does not exist.");
    }

    static SchedulerApiException groupNotFound(String group) {
        return new SchedulerApiException(
                "ResourceNotFoundException", 404, "Schedule group " + group + " does not exist.");
    }

    static SchedulerApiException exists(String name) {
        return new SchedulerApiException("ConflictException", 409, "Schedule " + name + " already exists.");
    }

    static SchedulerApiException conflict() {
        return new SchedulerApiException(
                "ConflictException", 409, "The schedule was changed by another request at the same time.");
    }
}
