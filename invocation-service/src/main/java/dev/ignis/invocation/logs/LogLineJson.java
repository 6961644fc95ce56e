package dev.ignis.invocation.logs;

import dev.ignis.contracts.json.JsonText;
import dev.ignis.contracts.logs.FunctionLogLine;
import java.nio.charset.StandardCharsets;

/**
 * {@link FunctionLogLine} as JSON, written by hand: every line of every invoke goes through here,
 * and a general-purpose mapper showed up in profiles of the warm path. The shape is what Jackson
 * writes for the record (timestamp as ISO-8601, null fields left out).
 */
final class LogLineJson {

    private LogLineJson() {}

    static byte[] bytes(FunctionLogLine line) {
        StringBuilder json = new StringBuilder(160 + line.message().length());
        json.append('{');
        field(json, "logGroup", line.logGroup(), true);
        field(json, "logStream", line.logStream(), false);
        field(json, "functionArn", line.functionArn(), false);
        field(json, "version", line.version(), false);
        field(json, "requestId", line.requestId(), false);
        field(
                json,
                "timestamp",
                line.timestamp() == null ? null : line.timestamp().toString(),
                false);
        field(json, "message", line.message(), false);
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder json, String name, String value, boolean first) {
        if (value == null) {
            return;
        }
        if (!first) {
            json.append(',');
        }
        json.append('"').append(name).append("\":");
        JsonText.appendString(json, value);
    }
}
