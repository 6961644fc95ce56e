package dev.ignis.asyncqueue.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ignis.asyncqueue.queue.EventQueue;
import dev.ignis.contracts.arn.InvalidArnException;
import dev.ignis.contracts.error.LambdaErrorType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where ingest failures become HTTP, in AWS's shape: {@code x-amzn-ErrorType} and
 * {@code {"Type","message"}}; never a stack trace.
 */
@RestControllerAdvice
class IngestErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(IngestErrorHandler.class);

    record ErrorBody(@JsonProperty("Type") String type, @JsonProperty("message") String message) {}

    @ExceptionHandler(IngestException.class)
    ResponseEntity<ErrorBody> refused(IngestException e) {
        return answer(e.type(), e.getMessage());
    }

    @ExceptionHandler(InvalidArnException.class)
    ResponseEntity<ErrorBody> invalidName(InvalidArnException e) {
        return answer(LambdaErrorType.VALIDATION, e.getMessage());
    }

    @ExceptionHandler(EventQueue.QueueUnavailableException.class)
    ResponseEntity<ErrorBody> queueDown(EventQueue.QueueUnavailableException e) {
        log.warn("Event refused, the broker did not acknowledge it: {}", String.valueOf(e.getCause()));
        return answer(LambdaErrorType.SERVICE, "An internal error occurred.");
    }

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class})
    ResponseEntity<ErrorBody> unknownOperation(Exception e) {
        return ResponseEntity.status(404)
                .header("x-amzn-ErrorType", "UnknownOperationException")
                .body(new ErrorBody("User", "Unknown operation"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return answer(LambdaErrorType.SERVICE, "An internal error occurred.");
    }

    private static ResponseEntity<ErrorBody> answer(LambdaErrorType type, String message) {
        return ResponseEntity.status(type.httpStatus())
                .header("x-amzn-ErrorType", type.code())
                .body(new ErrorBody(type.bodyType(), message));
    }
}
