package dev.ignis.invocation.environment;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.json.JsonText;
import java.nio.charset.StandardCharsets;

/** How an invoke ended inside the environment: the function's answer or a function error. */
public sealed interface InvocationResult {

    byte[] body();

    /** The handler returned; {@code body} is its serialised result. */
    record Success(byte[] body) implements InvocationResult {}

    /**
     * The function failed: a handler exception reported by the runtime, or something the platform
     * saw (timeout, exit, out of memory, oversized response). Answered as HTTP 200 with
     * {@code X-Amz-Function-Error: Unhandled}.
     */
    record FunctionError(String errorType, byte[] body) implements InvocationResult {

        /**
         * A platform-detected failure, typed from the one catalogue, in the shape AWS answers it:
         * {@code {"errorType","errorMessage"}}; callers read the type back with {@code InvokeFailure}.
         */
        public static FunctionError of(LambdaErrorType type, String errorMessage) {
            StringBuilder json = new StringBuilder("{\"errorType\":");
            JsonText.appendString(json, type.code()).append(",\"errorMessage\":");
            JsonText.appendString(json, errorMessage).append('}');
            return new FunctionError(type.code(), json.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
