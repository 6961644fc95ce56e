package dev.ignis.gateway.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TraceHeadersTest {

    private final Random random = new Random(7);

    @Test
    void anXRayHeaderKeepsItsValueAndGetsTheSameTraceInW3cForm() {
        String amzn = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

        TraceHeaders.Trace trace = TraceHeaders.of(amzn, null, 0, random);

        assertThat(trace.amzn()).isEqualTo(amzn);
        assertThat(trace.traceparent()).isEqualTo("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01");
    }

    @Test
    void aW3cTraceparentBecomesAnXRayHeaderOfTheSameTrace() {
        TraceHeaders.Trace trace =
                TraceHeaders.of(null, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00", 0, random);

        assertThat(trace.amzn())
                .isEqualTo("Root=1-0af76519-16cd43dd8448eb211c80319c;Parent=b7ad6b7169203331;Sampled=0");
        assertThat(trace.traceparent()).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00");
    }

    @Test
    void aRequestWithNeitherOrWithMalformedOnesStartsANewUnsampledTrace() {
        TraceHeaders.Trace trace = TraceHeaders.of("nonsense", "01-zz", 0x5759e988L, random);

        assertThat(trace.amzn()).matches("Root=1-5759e988-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0");
        String root = trace.amzn().substring(7, 40).replace("-", "");
        String parent = trace.amzn().substring(48, 64);
        assertThat(trace.traceparent()).isEqualTo("00-" + root + "-" + parent + "-00");
    }

    @Test
    void anXRayHeaderWithoutParentGetsASpanIdForW3c() {
        TraceHeaders.Trace trace = TraceHeaders.of("Root=1-5759e988-bd862e3fe1be46a994272793", null, 0, random);

        assertThat(trace.traceparent()).matches("00-5759e988bd862e3fe1be46a994272793-[0-9a-f]{16}-00");
    }
}
