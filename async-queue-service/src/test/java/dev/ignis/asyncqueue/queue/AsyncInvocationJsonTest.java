package dev.ignis.asyncqueue.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.invocation.AsyncInvocation;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AsyncInvocationJsonTest {

    final JsonMapper json = JsonMapper.builder()
            .addMixIn(AsyncInvocation.class, AsyncInvocationJson.class)
            .build();

    @Test
    void thePayloadTravelsAsTheJsonItIsAndComesBackEqual() {
        AsyncInvocation event = new AsyncInvocation(
                "8e4b0ba6-6c3f-4f4e-9c5e-2d8a1f6b7c90",
                "arn:aws:lambda:us-east-1:000000000000:function:orders",
                "{\"order\":7,\"items\":[\"a\",\"b\"],\"note\":\"caf\\u00e9 \\\"x\\\"\"}",
                null,
                "Root=1-abc",
                Instant.parse("2026-01-01T00:00:00Z"),
                1);

        String wire = json.writeValueAsString(event);
        AsyncInvocation back = json.readValue(wire, AsyncInvocation.class);

        assertThat(wire)
                .contains("\"payload\":{\"order\":7,\"items\":[\"a\",\"b\"]")
                .doesNotContain("\\\"order");
        assertThat(json.readTree(back.payload())).isEqualTo(json.readTree(event.payload()));
        assertThat(back.nextAttempt().attempt()).isEqualTo(2);
    }

    @Test
    void aScalarOrArrayEventStaysAScalarOrArray() {
        for (String payload : new String[] {"42", "\"text\"", "[1,2]", "null"}) {
            AsyncInvocation event = new AsyncInvocation(
                    "id", "arn:aws:lambda:us-east-1:000000000000:function:f", payload, null, null, Instant.EPOCH, 1);
            String wire = json.writeValueAsString(event);

            assertThat(wire).contains("\"payload\":" + payload);
            assertThat(json.readValue(wire, AsyncInvocation.class).payload()).isEqualTo(payload);
        }
    }
}
