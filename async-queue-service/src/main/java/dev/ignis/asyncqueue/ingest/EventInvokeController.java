package dev.ignis.asyncqueue.ingest;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.error.LambdaErrorType;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /2015-03-31/functions/{FunctionName}/invocations} with {@code X-Amz-Invocation-Type:
 * Event}, as the gateway forwards it: 202, an empty body and {@code x-amzn-RequestId}, only after
 * the broker acknowledged the event.
 */
@RestController
class EventInvokeController {

    private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    private final EventIngest ingest;
    private final EventPayloads payloads;

    EventInvokeController(EventIngest ingest, EventPayloads payloads) {
        this.ingest = ingest;
        this.payloads = payloads;
    }

    @Operation(summary = "Queue an asynchronous (Event) invocation")
    @PostMapping("/2015-03-31/functions/{functionName}/invocations")
    ResponseEntity<Void> invoke(
            @PathVariable String functionName,
            @RequestParam(name = "Qualifier", required = false) String qualifier,
            @RequestHeader(name = "X-Amz-Invocation-Type", required = false) String invocationType,
            @RequestHeader(name = "X-Amz-Client-Context", required = false) String clientContext,
            @RequestHeader(name = "X-Amzn-Trace-Id", required = false) String traceId,
            HttpServletRequest http)
            throws IOException {
        if (!"Event".equals(invocationType)) {
            // The gateway sends only Event invokes here; anything else belongs to invocation-service.
            throw new IngestException(
                    LambdaErrorType.INVALID_PARAMETER_VALUE,
                    "async-queue-service accepts only InvocationType Event; send " + invocationType
                            + " invokes to invocation-service.");
        }
        FunctionRef function = FunctionRef.parse(functionName, qualifier);
        byte[] payload = payloads.read(http);
        String requestId = ingest.accept(
                function, payload.length == 0 ? EMPTY_EVENT : payload, blankToNull(clientContext), traceId);
        return ResponseEntity.status(202).header("x-amzn-RequestId", requestId).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
