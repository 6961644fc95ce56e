package dev.ignis.registry.scheduler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The Scheduler API's one error mapping, ahead of the Lambda API's: REST-JSON's
 * {@code {"Message":"…"}} with the type in {@code x-amzn-ErrorType}, the status the model gives
 * each type, 500 {@code InternalServerException} for Ignis's own failures.
 */
@RestControllerAdvice(assignableTypes = SchedulerController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SchedulerErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(SchedulerErrorHandler.class);

    record ErrorBody(String message) {}

    private final SchedulerJson json;

    SchedulerErrorHandler(SchedulerJson json) {
        this.json = json;
    }

    @ExceptionHandler(SchedulerApiException.class)
    ResponseEntity<byte[]> scheduler(SchedulerApiException e) {
        return answer(e.status(), e.type(), e.getMessage());
    }

    /** Two calls changed one schedule at once and this one lost. */
    @ExceptionHandler({OptimisticLockingFailureException.class, DataIntegrityViolationException.class})
    ResponseEntity<byte[]> concurrent(Exception e) {
        log.info("Concurrent schedule change refused: {}", e.getMessage());
        return scheduler(SchedulerApiException.conflict());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e) {
        log.error("Unexpected failure in the Scheduler API", e);
        return answer(500, "InternalServerException", "An internal error occurred.");
    }

    private ResponseEntity<byte[]> answer(int status, String type, String message) {
        return ResponseEntity.status(status)
                .header("x-amzn-ErrorType", type)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.write(new ErrorBody(message)));
    }
}
