package dev.ignis.invocation.sandbox;

import java.util.Map;

/**
 * The variables that point a function's AWS SDK or CLI at the platform's public door, so that it
 * calls the Lambda API (invokes another function ...) like any client. Only the Lambda endpoint:
 * a function calling other AWS services keeps reaching AWS. A function may set its own.
 */
public final class GatewayEndpoint {

    private GatewayEndpoint() {}

    public static Map<String, String> variables(String gatewayUrl) {
        return Map.of("AWS_ENDPOINT_URL_LAMBDA", gatewayUrl);
    }
}
