package dev.ignis.invocation.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.logs.FunctionLogLine;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EnvironmentLogsTest {

    private final BlockingQueue<FunctionLogLine> published = new LinkedBlockingQueue<>();

    private EnvironmentLogs logsOf(String output) {
        EnvironmentLogs logs = new EnvironmentLogs(published::add, Clock.systemUTC(), "fn", "arn:fn", "$LATEST", "env");
        logs.pump(new ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8)), "env");
        logs.close();
        return logs;
    }

    private String next() throws InterruptedException {
        FunctionLogLine line = published.poll(10, TimeUnit.SECONDS);
        assertThat(line).as("a published line").isNotNull();
        return line.message();
    }

    @Test
    void aLineLongerThan256KbIsCutThereAndTheNextLineStaysWhole() throws Exception {
        logsOf("x".repeat(300 * 1024) + "\nshort\n");
        assertThat(next()).hasSize(EnvironmentLogs.MAX_LINE_BYTES).matches("x+");
        assertThat(next()).isEqualTo("short");
    }

    @Test
    void outputPastTheVolumeBoundIsDroppedAfterOneNotice() throws Exception {
        String line = "y".repeat(1023) + "\n";
        int lines = (int) (EnvironmentLogs.MAX_BYTES_PER_INVOCATION / 1024) + 50;
        logsOf(line.repeat(lines));
        for (int i = 0; i < EnvironmentLogs.MAX_BYTES_PER_INVOCATION / 1024; i++) {
            next();
        }
        assertThat(next()).contains("the rest of its output is dropped");
        assertThat(published.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }
}
