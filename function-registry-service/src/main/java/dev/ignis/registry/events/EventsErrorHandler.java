package dev.ignis.registry.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The EventBridge API's one error mapping, ahead of the Lambda API's: JSON 1.1's
 * {@code {"__type":"<Code>","message":"…"}} with the {@code x-amzn-ErrorType} header, 400 for the
 * caller's errors, 500 {@code InternalException} for Ignis's.
 */
@RestControllerAdvice(assignableTypes = EventsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EventsErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(EventsErrorHandler.class);

    record ErrorBody(@JsonProperty("__type") String type, @JsonProperty("message") String message) {}

    private final EventsJson json;

    EventsErrorHandler(EventsJson json) {
        this.json = json;
    }

    @ExceptionHandler(EventsApiException.class)
    ResponseEntity<byte[]> events(EventsApiException e) {
        return answer(e.status(), e.code(), e.getMessage());
    }

    /** Two calls changed one rule at once and this one lost. */
    @ExceptionHandler({OptimisticLockingFailureException.class, DataIntegrityViolationException.class})
    ResponseEntity<byte[]> concurrent(Exception e) {
        log.info("Concurrent rule change refused: {}", e.getMessage());
        return answer(400, "ConcurrentModificationException", "There is concurrent modification on a rule, target.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e) {
        log.error("Unexpected failure in the EventBridge API", e);
        return answer(500, "InternalException", "An internal error occurred.");
    }

    private ResponseEntity<byte[]> answer(int status, String code, String message) {
        return ResponseEntity.status(status)
                .header("x-amzn-ErrorType", code)
                .contentType(EventsController.AMZ_JSON)
                .body(json.write(new ErrorBody(code, message)));
    }
}
