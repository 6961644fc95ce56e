package dev.ignis.contracts.error;

import static dev.ignis.contracts.error.Fault.CLIENT;
import static dev.ignis.contracts.error.Fault.FUNCTION;
import static dev.ignis.contracts.error.Fault.PLATFORM;
import static dev.ignis.contracts.error.Retriability.FUNCTION_BUDGET;
import static dev.ignis.contracts.error.Retriability.PERMANENT;
import static dev.ignis.contracts.error.Retriability.TRANSIENT;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of error types Ignis answers with, under the exact names AWS Lambda uses. Service
 * errors travel as {@code x-amzn-ErrorType: <code>} with an HTTP status; function and runtime
 * errors travel as {@code errorType} in a 200 response marked {@code X-Amz-Function-Error}.
 */
public enum LambdaErrorType {
    // Client errors of the Lambda API.
    /** A request field outside the API model's constraints (length, range, enum, required). */
    VALIDATION("ValidationException", 400, CLIENT, PERMANENT),
    INVALID_PARAMETER_VALUE("InvalidParameterValueException", 400, CLIENT, PERMANENT),
    INVALID_REQUEST_CONTENT("InvalidRequestContentException", 400, CLIENT, PERMANENT),
    RECURSIVE_INVOCATION("RecursiveInvocationException", 400, CLIENT, PERMANENT),
    CODE_STORAGE_EXCEEDED("CodeStorageExceededException", 400, CLIENT, PERMANENT),
    CODE_VERIFICATION_FAILED("CodeVerificationFailedException", 400, CLIENT, PERMANENT),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException", 403, CLIENT, PERMANENT),
    INVALID_SIGNATURE("InvalidSignatureException", 403, CLIENT, PERMANENT),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException", 403, CLIENT, PERMANENT),
    ACCESS_DENIED("AccessDeniedException", 403, CLIENT, PERMANENT),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 404, CLIENT, PERMANENT),
    RESOURCE_CONFLICT("ResourceConflictException", 409, CLIENT, PERMANENT),
    RESOURCE_IN_USE("ResourceInUseException", 400, CLIENT, PERMANENT),
    PRECONDITION_FAILED("PreconditionFailedException", 412, CLIENT, PERMANENT),
    REQUEST_TOO_LARGE("RequestTooLargeException", 413, CLIENT, PERMANENT),
    UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaTypeException", 415, CLIENT, PERMANENT),
    TOO_MANY_REQUESTS("TooManyRequestsException", 429, CLIENT, TRANSIENT),
    /** A path or method no operation answers. */
    UNKNOWN_OPERATION("UnknownOperationException", 404, CLIENT, PERMANENT),
    PROVISIONED_CONCURRENCY_CONFIG_NOT_FOUND("ProvisionedConcurrencyConfigNotFoundException", 404, CLIENT, PERMANENT),

    // Platform errors.
    SERVICE("ServiceException", 500, PLATFORM, TRANSIENT),
    RESOURCE_NOT_READY("ResourceNotReadyException", 502, PLATFORM, TRANSIENT),
    INVALID_RUNTIME("InvalidRuntimeException", 502, PLATFORM, PERMANENT),
    INVALID_ZIP_FILE("InvalidZipFileException", 502, PLATFORM, PERMANENT),
    SERVICE_UNAVAILABLE("ServiceUnavailableException", 503, PLATFORM, TRANSIENT),

    // Function and runtime errors (HTTP 200 + X-Amz-Function-Error: Unhandled).
    SANDBOX_TIMEDOUT("Sandbox.Timedout", 200, FUNCTION, FUNCTION_BUDGET),
    RUNTIME_EXIT_ERROR("Runtime.ExitError", 200, FUNCTION, FUNCTION_BUDGET),
    RUNTIME_OUT_OF_MEMORY("Runtime.OutOfMemory", 200, FUNCTION, FUNCTION_BUDGET),
    RUNTIME_INVALID_ENTRYPOINT("Runtime.InvalidEntrypoint", 200, FUNCTION, FUNCTION_BUDGET),
    RUNTIME_UNKNOWN("Runtime.Unknown", 200, FUNCTION, FUNCTION_BUDGET),
    RUNTIME_TRUNCATED_RESPONSE("Runtime.TruncatedResponse", 200, FUNCTION, FUNCTION_BUDGET),
    RUNTIME_IMPORT_MODULE_ERROR("Runtime.ImportModuleError", 200, FUNCTION, FUNCTION_BUDGET),
    RUNTIME_HANDLER_NOT_FOUND("Runtime.HandlerNotFound", 200, FUNCTION, FUNCTION_BUDGET),
    FUNCTION_RESPONSE_SIZE_TOO_LARGE("Function.ResponseSizeTooLarge", 200, FUNCTION, FUNCTION_BUDGET);

    private static final Map<String, LambdaErrorType> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.code, Function.identity()));

    private final String code;
    private final int httpStatus;
    private final Fault fault;
    private final Retriability retriability;

    LambdaErrorType(String code, int httpStatus, Fault fault, Retriability retriability) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.fault = fault;
        this.retriability = retriability;
    }

    /** The name AWS uses: the {@code x-amzn-ErrorType} header or a function's {@code errorType}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Fault fault() {
        return fault;
    }

    public Retriability retriability() {
        return retriability;
    }

    /** {@code User} or {@code Service}, the {@code Type} field of a service error body. */
    public String bodyType() {
        return fault == PLATFORM ? "Service" : "User";
    }

    public static Optional<LambdaErrorType> fromCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
