package dev.ignis.eventsource.invoke;

import dev.ignis.eventsource.config.EventSourceProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Invokes through invocation-service's Invoke API over keep-alive HTTP/1.1 connections.
 * TODO(#16): replaced by the shared invoke client (placement ring) once it lands.
 */
@Component
class HttpFunctionInvoker implements FunctionInvoker {

    private static final String FUNCTION_ERROR = "X-Amz-Function-Error";
    private static final String ERROR_TYPE = "x-amzn-ErrorType";

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    HttpFunctionInvoker(EventSourceProperties properties) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.base = properties.invocationUrl();
        this.timeout = properties.invokeTimeout();
    }

    @Override
    public InvokeOutcome invoke(String functionArn, byte[] event) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/2015-03-31/functions/"
                        + URLEncoder.encode(functionArn, StandardCharsets.UTF_8) + "/invocations"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Amz-Invocation-Type", "RequestResponse")
                .POST(HttpRequest.BodyPublishers.ofByteArray(event))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return classify(
                    response.statusCode(),
                    response.headers().firstValue(FUNCTION_ERROR).orElse(null),
                    response.headers().firstValue(ERROR_TYPE).orElse(null),
                    response.body());
        } catch (IOException e) {
            return new InvokeOutcome.Unavailable(0, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InvokeOutcome.Unavailable(0, "Interrupted");
        }
    }

    static InvokeOutcome classify(int status, String functionError, String errorType, byte[] body) {
        if (status == 200 && functionError != null) {
            return new InvokeOutcome.FunctionFailed(functionError, body);
        }
        if (status == 200) {
            return new InvokeOutcome.Succeeded(body);
        }
        if (status == 429) {
            return new InvokeOutcome.Throttled(errorType);
        }
        return new InvokeOutcome.Unavailable(status, errorType);
    }
}
