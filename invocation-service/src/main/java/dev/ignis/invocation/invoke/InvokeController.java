package dev.ignis.invocation.invoke;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.invoke.InvokeHeaders;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /2015-03-31/functions/{FunctionName}/invocations}, AWS's Invoke, on the wire as AWS has it. */
@RestController
class InvokeController {

    /** Requests must be smaller than this (AWS: 6 MB for synchronous invokes). */
    static final int MAX_REQUEST_BYTES = 6_291_456;

    private static final int MAX_CLIENT_CONTEXT = 3583;
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    private final InvokeService invokes;

    InvokeController(InvokeService invokes) {
        this.invokes = invokes;
    }

    @Operation(summary = "Invoke a function synchronously (RequestResponse) or check access (DryRun)")
    @PostMapping("/2015-03-31/functions/{functionName}/invocations")
    ResponseEntity<byte[]> invoke(
            @PathVariable String functionName,
            @RequestParam(name = "Qualifier", required = false) String qualifier,
            @RequestHeader(name = InvokeHeaders.INVOCATION_TYPE, required = false) String invocationType,
            @RequestHeader(name = InvokeHeaders.LOG_TYPE, required = false) String logType,
            @RequestHeader(name = InvokeHeaders.CLIENT_CONTEXT, required = false) String clientContext,
            @RequestHeader(name = InvokeHeaders.TRACE_ID, required = false) String traceId,
            @RequestHeader(name = InvokeHeaders.PLATFORM_REQUEST_ID, required = false) String requestId,
            HttpServletRequest http)
            throws IOException {
        if (http.getContentLengthLong() >= MAX_REQUEST_BYTES) {
            // Refused from the header: skipped, never held, so the client sees our answer.
            http.getInputStream().skipNBytes(Math.min(http.getContentLengthLong(), DRAIN_LIMIT));
            throw tooLarge();
        }
        InvokeRequest request = new InvokeRequest(
                FunctionRef.parse(functionName, qualifier),
                InvokeRequest.InvocationType.of(invocationType),
                tail(logType),
                clientContext(clientContext),
                traceId,
                () -> payload(http),
                RequestIds.chosen(requestId));
        InvokeResponse response = invokes.invoke(request);
        HttpHeaders headers = new HttpHeaders();
        headers.set(InvokeHeaders.REQUEST_ID, response.requestId());
        headers.set(InvokeHeaders.EXECUTED_VERSION, response.executedVersion());
        if (response.functionError() != null) {
            headers.set(InvokeHeaders.FUNCTION_ERROR, response.functionError());
        }
        if (response.logResult() != null) {
            headers.set(InvokeHeaders.LOG_RESULT, response.logResult());
        }
        if (response.status() == 204) {
            return ResponseEntity.status(204).headers(headers).build();
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return ResponseEntity.status(response.status()).headers(headers).body(response.body());
    }

    private static boolean tail(String logType) {
        if (logType == null || logType.equals("None")) {
            return false;
        }
        if (logType.equals("Tail")) {
            return true;
        }
        throw InvokeException.validation("1 validation error detected: Value '" + logType
                + "' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [Tail, None]");
    }

    private static String clientContext(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        if (base64.length() > MAX_CLIENT_CONTEXT) {
            throw InvokeException.of(
                    LambdaErrorType.INVALID_PARAMETER_VALUE,
                    "Client context must be smaller than " + MAX_CLIENT_CONTEXT + " bytes.");
        }
        try {
            String json = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            PayloadValidator.requireJson(json.getBytes(StandardCharsets.UTF_8));
            return json;
        } catch (IllegalArgumentException | InvokeException e) {
            throw InvokeException.of(
                    LambdaErrorType.INVALID_REQUEST_CONTENT,
                    "Client context must be a valid Base64-encoded JSON object.");
        }
    }

    private static byte[] payload(HttpServletRequest http) {
        try {
            return readPayload(http);
        } catch (IOException e) {
            throw new UncheckedIOException("The invoke's body could not be read", e);
        }
    }

    private static byte[] readPayload(HttpServletRequest http) throws IOException {
        byte[] body = http.getInputStream().readNBytes(MAX_REQUEST_BYTES);
        if (body.length >= MAX_REQUEST_BYTES) {
            // Read on (within reason) so the client sees our answer rather than a broken pipe.
            http.getInputStream()
                    .skipNBytes(Math.min(Math.max(0, http.getContentLengthLong() - body.length), DRAIN_LIMIT));
            throw tooLarge();
        }
        if (body.length == 0) {
            return EMPTY_EVENT;
        }
        PayloadValidator.requireJson(body);
        return body;
    }

    private static InvokeException tooLarge() {
        return InvokeException.of(
                LambdaErrorType.REQUEST_TOO_LARGE,
                "Request must be smaller than " + MAX_REQUEST_BYTES + " bytes for the InvokeFunction operation");
    }
}
