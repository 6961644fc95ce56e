package dev.ignis.invocation.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class InvocationLogTest {

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    @Test
    void keepsEveryLineWhileUnderFourKilobytes() {
        InvocationLog log = new InvocationLog(true);
        log.append("START");
        log.append("hello");
        assertThat(decode(log.tailBase64())).isEqualTo("START\nhello\n");
    }

    @Test
    void keepsOnlyTheLastFourKilobytes() {
        InvocationLog log = new InvocationLog(true);
        for (int i = 0; i < 1000; i++) {
            log.append("line " + i);
        }
        String tail = decode(log.tailBase64());
        assertThat(tail).hasSize(InvocationLog.TAIL_BYTES).endsWith("line 999\n");
        assertThat(tail).doesNotContain("line 1\n");
    }

    @Test
    void keepsNothingWhenNoTailWasAskedFor() {
        InvocationLog log = new InvocationLog(false);
        log.append("x");
        assertThat(log.tailBase64()).isNull();
    }
}
