package dev.ignis.registry.api;

import dev.ignis.contracts.arn.InvalidArnException;
import dev.ignis.contracts.error.LambdaErrorType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
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
 * answered as a plain {@code ServiceException}.
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
