package dev.ignis.contracts.invoke;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.json.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the Invoke API answered a platform caller, with the failure, if any, read back by fault.
 *
 * @param status the HTTP status
 * @param payload the function's answer, its error, or a service error's body
 * @param requestId {@code x-amzn-RequestId}, or null
 * @param executedVersion {@code X-Amz-Executed-Version}, or null
 * @param functionError {@code X-Amz-Function-Error} ({@code Unhandled}), or null
 * @param failure empty for a success
 */
public record InvokeAnswer(
        int status,
        byte[] payload,
        String requestId,
        String executedVersion,
        String functionError,
        Optional<InvokeFailure> failure) {

    /**
     * Reads an answer.
     *
     * @param header looks a response header up by name, null when absent
     * @param functionErrorType reads the {@code errorType} out of a function error's JSON body
     */
    public static InvokeAnswer read(
            int status, Function<String, String> header, byte[] payload, Function<byte[], String> functionErrorType) {
        String functionError = header.apply(InvokeHeaders.FUNCTION_ERROR);
        return new InvokeAnswer(
                status,
                payload,
                header.apply(InvokeHeaders.REQUEST_ID),
                header.apply(InvokeHeaders.EXECUTED_VERSION),
                functionError,
                InvokeFailure.classify(
                        status,
                        header.apply(InvokeHeaders.ERROR_TYPE),
                        functionError,
                        functionError == null ? null : functionErrorType.apply(payload)));
    }

    /** No replica could be reached: a platform fault a retry may get past. */
    public static InvokeAnswer unreachable(String reason) {
        LambdaErrorType type = LambdaErrorType.SERVICE_UNAVAILABLE;
        StringBuilder body = new StringBuilder("{\"Type\":\"Service\",\"message\":");
        JsonText.appendString(body, "invocation-service is unreachable: " + reason)
                .append('}');
        return new InvokeAnswer(
                type.httpStatus(),
                body.toString().getBytes(StandardCharsets.UTF_8),
                null,
                null,
                null,
                Optional.of(InvokeFailure.of(type)));
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
