package dev.ignis.invocation.environment;

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

        /** A platform-detected failure in the shape AWS answers it: {@code {"errorType","errorMessage"}}. */
        public static FunctionError of(String errorType, String errorMessage) {
            String json = "{\"errorType\":\"" + errorType + "\",\"errorMessage\":\"" + escape(errorMessage) + "\"}";
            return new FunctionError(errorType, json.getBytes(StandardCharsets.UTF_8));
        }

        private static String escape(String text) {
            StringBuilder out = new StringBuilder(text.length() + 8);
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.toString();
        }
    }
}
