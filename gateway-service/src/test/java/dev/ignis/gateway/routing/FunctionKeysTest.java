package dev.ignis.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionKeysTest {

    @Test
    void everyFormOfAFunctionNameHashesAlike() {
        assertThat(FunctionKeys.of("/2015-03-31/functions/orders/invocations")).isEqualTo("orders");
        assertThat(FunctionKeys.of("/2015-03-31/functions/orders:live/invocations"))
                .isEqualTo("orders");
        assertThat(FunctionKeys.of("/2015-03-31/functions/000000000000:function:orders/invocations"))
                .isEqualTo("orders");
        assertThat(
                        FunctionKeys.of(
                                "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Aorders%3A3/invocations"))
                .isEqualTo("orders");
    }
}
