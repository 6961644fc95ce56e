package dev.ignis.gateway.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLogTest {

    @Test
    void namesTheFunctionAPathAddresses() {
        assertThat(AccessLog.functionName("/2015-03-31/functions/web/invocations"))
                .isEqualTo("web");
        assertThat(AccessLog.functionName("/2019-09-25/functions/web/event-invoke-config"))
                .isEqualTo("web");
        assertThat(AccessLog.functionName("/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A0%3Afunction%3Aweb"))
                .isEqualTo("arn:aws:lambda:us-east-1:0:function:web");
        assertThat(AccessLog.functionName("/2015-03-31/functions/")).isNull();
        assertThat(AccessLog.functionName("/2015-03-31/event-source-mappings/")).isNull();
    }

    @Test
    void formatsLatencyInMillisecondsWithMicrosecondPrecision() {
        assertThat(AccessLog.formatMillis(1_234_567)).isEqualTo("1.234");
        assertThat(AccessLog.formatMillis(5_000)).isEqualTo("0.005");
        assertThat(AccessLog.formatMillis(2_050_000_000L)).isEqualTo("2050.000");
    }

    @Test
    void requestIdsAreVersionFourUuids() {
        assertThat(RequestObservationFilter.newRequestId())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
}
