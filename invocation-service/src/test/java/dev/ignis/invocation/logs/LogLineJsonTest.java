package dev.ignis.invocation.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.logs.FunctionLogLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LogLineJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsBackAsTheRecordEvenWithCharactersThatNeedEscaping() {
        FunctionLogLine line = new FunctionLogLine(
                "/aws/lambda/f",
                "2026/11/23/[$LATEST]abc",
                "arn:aws:lambda:us-east-1:0:function:f",
                "$LATEST",
                "req-1",
                Instant.parse("2026-11-23T10:00:00.123456Z"),
                "tab\there \"quoted\" back\\slash \u0001 ünï");
        byte[] bytes = LogLineJson.bytes(line);
        assertThat(json.readValue(bytes, FunctionLogLine.class)).isEqualTo(line);
    }

    @Test
    void leavesOutAMissingRequestId() {
        FunctionLogLine line = new FunctionLogLine("g", "s", "a", "1", null, Instant.EPOCH, "init");
        assertThat(new String(LogLineJson.bytes(line), StandardCharsets.UTF_8))
                .isEqualTo("{\"logGroup\":\"g\",\"logStream\":\"s\",\"functionArn\":\"a\",\"version\":\"1\","
                        + "\"timestamp\":\"1970-01-01T00:00:00Z\",\"message\":\"init\"}");
    }
}
