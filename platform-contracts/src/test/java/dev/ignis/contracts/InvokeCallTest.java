package dev.ignis.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.error.Fault;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.invoke.InvokeAnswer;
import dev.ignis.contracts.invoke.InvokeCall;
import dev.ignis.contracts.invoke.InvokeHeaders;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvokeCallTest {

    @Test
    void aCallNamesItsFunctionQualifierAndHeaders() {
        InvokeCall call = new InvokeCall(
                FunctionRef.parse("arn:aws:lambda:us-east-1:000000000000:function:orders:live"),
                "{}".getBytes(),
                "8e4b0ba6-6c3f-4f4e-9c5e-2d8a1f6b7c90",
                "eyJ9",
                "Root=1-abc");

        assertThat(call.placementKey()).isEqualTo("orders");
        assertThat(call.pathAndQuery()).isEqualTo("/2015-03-31/functions/orders/invocations?Qualifier=live");
        assertThat(call.headers())
                .containsEntry(InvokeHeaders.INVOCATION_TYPE, "RequestResponse")
                .containsEntry(InvokeHeaders.PLATFORM_REQUEST_ID, "8e4b0ba6-6c3f-4f4e-9c5e-2d8a1f6b7c90")
                .containsEntry(InvokeHeaders.CLIENT_CONTEXT, "eyJ9")
                .containsEntry(InvokeHeaders.TRACE_ID, "Root=1-abc");
        assertThat(InvokeCall.of(FunctionRef.parse("orders"), new byte[0]).headers())
                .containsOnlyKeys(InvokeHeaders.INVOCATION_TYPE);
    }

    @Test
    void anAnswerReadsItsFailureBack() {
        Map<String, String> functionError = Map.of(InvokeHeaders.FUNCTION_ERROR, "Unhandled");
        InvokeAnswer timedOut = InvokeAnswer.read(200, functionError::get, "{}".getBytes(), body -> "Sandbox.Timedout");
        Map<String, String> throttled = Map.of(InvokeHeaders.ERROR_TYPE, "TooManyRequestsException");
        InvokeAnswer throttle = InvokeAnswer.read(429, throttled::get, "{}".getBytes(), body -> null);
        InvokeAnswer ok = InvokeAnswer.read(200, name -> null, "1".getBytes(), body -> null);

        assertThat(timedOut.failure().orElseThrow().type()).contains(LambdaErrorType.SANDBOX_TIMEDOUT);
        assertThat(throttle.failure().orElseThrow().type()).contains(LambdaErrorType.TOO_MANY_REQUESTS);
        assertThat(ok.succeeded()).isTrue();
        assertThat(InvokeAnswer.unreachable("Connection \"refused\"")
                        .failure()
                        .orElseThrow()
                        .fault())
                .isEqualTo(Fault.PLATFORM);
    }
}
