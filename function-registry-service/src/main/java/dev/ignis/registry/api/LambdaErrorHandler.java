package dev.ignis.registry.api;

import dev.ignis.contracts.arn.InvalidArnException;
import dev.ignis.contracts.error.LambdaErrorType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where failures become HTTP: AWS's {@code x-amzn-ErrorType} header and
 * {@code {"Type","message"}} body, never a stack trace. Unexpected failures are logged here and
 * answered as a plain {@code ServiceException}. Ignis's own endpoints ({@code /ignis/v1/...}) throw
 * an {@link ErrorResponseException} instead and are answered with its RFC 9457 problem.
 */
@RestControllerAdvice
class LambdaErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(LambdaErrorHandler.class);

    @ExceptionHandler(LambdaApiException.class)
    ResponseEntity<ErrorBody> lambda(LambdaApiException e) {
        return answer(e.type(), e.getMessage());
    }

    @ExceptionHandler(InvalidArnException.class)
    ResponseEntity<ErrorBody> invalidName(InvalidArnException e) {
        return answer(LambdaErrorType.VALIDATION, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return answer(LambdaErrorType.INVALID_REQUEST_CONTENT, "Could not parse request body into json.");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ErrorBody> badParameter(Exception e) {
        return answer(LambdaErrorType.INVALID_PARAMETER_VALUE, e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(
                LambdaErrorType.UNSUPPORTED_MEDIA_TYPE,
                "The content type " + e.getContentType() + " is not supported.");
    }

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class})
    ResponseEntity<ErrorBody> unknownOperation(Exception e) {
        return ResponseEntity.status(404)
                .header("x-amzn-ErrorType", "UnknownOperationException")
                .body(new ErrorBody("User", "Unknown operation"));
    }

    /**
     * Two requests changed the same resource at once and this one lost (optimistic locking or a
     * unique key): AWS answers a concurrent update with a 409 as well.
     */
    @ExceptionHandler({OptimisticLockingFailureException.class, DataIntegrityViolationException.class})
    ResponseEntity<ErrorBody> concurrentUpdate(Exception e) {
        log.info("Concurrent update refused: {}", e.getMessage());
        return answer(
                LambdaErrorType.RESOURCE_CONFLICT,
                "The operation cannot be performed at this time. An update is in progress for this resource.");
    }

    /**
     * RFC 9457 members are lower-case; the body is a map so that the Lambda API's PascalCase
     * naming, which applies to every record this service writes, leaves them alone.
     */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<Map<String, Object>> problem(ErrorResponseException e) {
        ProblemDetail problem = e.getBody();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "type",
                problem.getType() == null ? "about:blank" : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        return ResponseEntity.status(e.getStatusCode())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
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
