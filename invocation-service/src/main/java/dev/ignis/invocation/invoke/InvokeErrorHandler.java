package dev.ignis.invocation.invoke;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ignis.contracts.arn.InvalidArnException;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.invoke.InvokeHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where Invoke API failures become HTTP, in AWS's shape: {@code x-amzn-ErrorType}
 * and {@code {"Type","message"}} (plus {@code Reason} on a throttle); never a stack trace.
 */
@RestControllerAdvice
class InvokeErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(InvokeErrorHandler.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorBody(
            @JsonProperty("Reason") String reason,
            @JsonProperty("Type") String type,
            @JsonProperty("message") String message) {}

    @ExceptionHandler(InvokeException.class)
    ResponseEntity<ErrorBody> invoke(InvokeException e) {
        return answer(
                e.type(), e.getMessage(), e.reason() == null ? null : e.reason().name());
    }

    @ExceptionHandler(InvalidArnException.class)
    ResponseEntity<ErrorBody> invalidName(InvalidArnException e) {
        return answer(LambdaErrorType.VALIDATION, e.getMessage(), null);
    }

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class})
    ResponseEntity<ErrorBody> unknownOperation(Exception e) {
        return answer(LambdaErrorType.UNKNOWN_OPERATION, "Unknown operation", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return answer(LambdaErrorType.SERVICE, "An internal error occurred.", null);
    }

    private static ResponseEntity<ErrorBody> answer(LambdaErrorType type, String message, String reason) {
        return ResponseEntity.status(type.httpStatus())
                .header(InvokeHeaders.ERROR_TYPE, type.code())
                .body(new ErrorBody(reason, type.bodyType(), message));
    }
}
