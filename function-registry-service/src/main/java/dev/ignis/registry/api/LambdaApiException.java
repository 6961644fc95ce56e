package dev.ignis.registry.api;

import dev.ignis.contracts.error.LambdaErrorType;

/** A failure the caller sees as an AWS error: its type decides the status and the body's Type. */
public class LambdaApiException extends RuntimeException {

    private final LambdaErrorType type;

    public LambdaApiException(LambdaErrorType type, String message) {
        super(message);
        this.type = type;
    }

    public LambdaErrorType type() {
        return type;
    }

    public static LambdaApiException functionNotFound(String arn) {
        return new LambdaApiException(LambdaErrorType.RESOURCE_NOT_FOUND, "Function not found: " + arn);
    }

    public static LambdaApiException aliasNotFound(String aliasArn) {
        return new LambdaApiException(LambdaErrorType.RESOURCE_NOT_FOUND, "Cannot find alias arn: " + aliasArn);
    }

    public static LambdaApiException invalidParameter(String message) {
        return new LambdaApiException(LambdaErrorType.INVALID_PARAMETER_VALUE, message);
    }

    public static LambdaApiException conflict(String message) {
        return new LambdaApiException(LambdaErrorType.RESOURCE_CONFLICT, message);
    }

    /** A RevisionId guard that does not hold: AWS's 412 and wording. */
    public static LambdaApiException revisionMismatch() {
        return new LambdaApiException(
                LambdaErrorType.PRECONDITION_FAILED,
                "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API"
                        + " to retrieve the latest Revision Id");
    }

    /** Throws {@link #revisionMismatch()} when the caller named a revision other than {@code current}. */
    public static void checkRevision(String expected, String current) {
        if (expected != null && !expected.isEmpty() && !expected.equals(current)) {
            throw revisionMismatch();
        }
    }

    /** AWS's wording for a request field outside the model's constraints. */
    public static LambdaApiException validation(Object value, String field, String constraint) {
        return new LambdaApiException(
                LambdaErrorType.VALIDATION,
                "1 validation error detected: Value " + (value == null ? "null" : "'" + value + "'") + " at '" + field
                        + "' failed to satisfy constraint: " + constraint);
    }
}
