package dev.ignis.bench.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void timesEachOperationAndHandsBackItsResult() {
        Samples samples = new Samples();

        assertThat(samples.time(() -> {
                    Thread.sleep(20);
                    return "done";
                }))
                .contains("done");

        assertThat(samples.micros().getTotalCount()).isEqualTo(1);
        assertThat(samples.micros().getMaxValue()).isGreaterThanOrEqualTo(20_000);
        assertThat(samples.errors()).isZero();
        assertThat(samples.firstError()).isEmpty();
    }

    @Test
    void aFailedOperationIsTimedCountedAndRemembered() {
        Samples samples = new Samples();

        assertThat(samples.time(() -> {
                    throw new IOException("HTTP 500");
                }))
                .isEmpty();
        samples.error("missed some functions");

        assertThat(samples.micros().getTotalCount()).isEqualTo(1);
        assertThat(samples.errors()).isEqualTo(2);
        assertThat(samples.firstError()).hasValueSatisfying(e -> assertThat(e).contains("HTTP 500"));
    }
}
