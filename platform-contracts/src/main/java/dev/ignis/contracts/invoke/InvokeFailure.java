package dev.ignis.contracts.invoke;

import dev.ignis.contracts.error.Fault;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.error.Retriability;
import java.util.Optional;

/**
 * An Invoke API answer read back as a failure, by who is at fault: what the async workers' retry
 * policy and the pollers' retry and bisect rules key on.
 *
 * @param errorType the {@link LambdaErrorType} code, or a function's own {@code errorType}
 *     (e.g. {@code ValueError}) for a handler error
 */
public record InvokeFailure(String errorType, Fault fault, Retriability retriability) {

    public static InvokeFailure of(LambdaErrorType type) {
        return new InvokeFailure(type.code(), type.fault(), type.retriability());
    }

    /** The catalogue entry, unless this is a function's own error type. */
    public Optional<LambdaErrorType> type() {
        return LambdaErrorType.fromCode(errorType);
    }

    /**
     * Classifies an Invoke API answer.
     *
     * @param status the HTTP status
     * @param errorTypeHeader {@code x-amzn-ErrorType}, or null
     * @param functionError {@code X-Amz-Function-Error}, or null
     * @param functionErrorType the {@code errorType} of a function error's body, or null
     * @return empty for a success
     */
    public static Optional<InvokeFailure> classify(
            int status, String errorTypeHeader, String functionError, String functionErrorType) {
        if (functionError != null) {
            String type = functionErrorType == null || functionErrorType.isBlank()
                    ? LambdaErrorType.RUNTIME_UNKNOWN.code()
                    : functionErrorType;
            // A handler's own error types are not in the catalogue, and are still the function's fault.
            return Optional.of(LambdaErrorType.fromCode(type)
                    .map(InvokeFailure::of)
                    .orElseGet(() -> new InvokeFailure(type, Fault.FUNCTION, Retriability.FUNCTION_BUDGET)));
        }
        if (status >= 200 && status < 300) {
            return Optional.empty();
        }
        // AWS may append ":<uri>" to the type.
        String code = errorTypeHeader == null ? "" : errorTypeHeader.split(":", 2)[0];
        return Optional.of(
                LambdaErrorType.fromCode(code).map(InvokeFailure::of).orElseGet(() -> uncatalogued(status, code)));
    }

    private static InvokeFailure uncatalogued(int status, String code) {
        if (status == 429) {
            return of(LambdaErrorType.TOO_MANY_REQUESTS);
        }
        if (status >= 400 && status < 500) {
            return new InvokeFailure(code.isEmpty() ? "HTTP " + status : code, Fault.CLIENT, Retriability.PERMANENT);
        }
        return new InvokeFailure(
                code.isEmpty() ? LambdaErrorType.SERVICE.code() : code, Fault.PLATFORM, Retriability.TRANSIENT);
    }
}
